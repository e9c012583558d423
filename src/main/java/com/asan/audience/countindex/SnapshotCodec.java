package com.asan.audience.countindex;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/** The primitives of the index snapshot format: bitmaps, texts and the typed keys of value bitmaps. */
final class SnapshotCodec {

    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte BOOLEAN = 3;
    private static final byte NUMBER = 4;
    private static final byte DATE = 5;

    private SnapshotCodec() {
    }

    /** Length-prefixed, so that reading takes the bytes at once: RoaringBitmap reads a stream a char at a time. */
    static void writeBitmap(DataOutputStream out, RoaringBitmap bitmap) throws IOException {
        out.writeInt(bitmap.serializedSizeInBytes());
        bitmap.serialize(out);
    }

    /** Replaces the bitmap's content with the next one in the stream. */
    static void readInto(DataInputStream in, RoaringBitmap bitmap) throws IOException {
        bitmap.deserialize(ByteBuffer.wrap(readBytes(in, in.readInt())));
    }

    static RoaringBitmap readBitmap(DataInputStream in) throws IOException {
        RoaringBitmap bitmap = new RoaringBitmap();
        readInto(in, bitmap);
        return bitmap;
    }

    /** Length-prefixed UTF-8: {@code writeUTF} stops at 64 KB. */
    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in, in.readInt()), StandardCharsets.UTF_8);
    }

    /**
     * The next {@code length} bytes. Large ones are read in growing steps, so that a damaged length ends in an
     * EOFException at the real end of the data, not in allocating gigabytes first.
     */
    static byte[] readBytes(DataInputStream in, int length) throws IOException {
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        byte[] bytes = new byte[Math.min(length, 1 << 20)];
        int read = 0;
        while (true) {
            in.readFully(bytes, read, bytes.length - read);
            read = bytes.length;
            if (read == length) {
                return bytes;
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * read));
        }
    }

    static void writeKey(DataOutputStream out, Object key) throws IOException {
        if (key instanceof String text) {
            out.writeByte(STRING);
            writeText(out, text);
        } else if (key instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (key instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (key instanceof BigDecimal number) {
            out.writeByte(NUMBER);
            out.writeInt(number.scale());
            byte[] unscaled = number.unscaledValue().toByteArray();
            out.writeInt(unscaled.length);
            out.write(unscaled);
        } else if (key instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else {
            throw new IllegalArgumentException("no snapshot form for " + key.getClass());
        }
    }

    static Object readKey(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case STRING -> readText(in);
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case NUMBER -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in, in.readInt())), scale);
            }
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            default -> throw new IOException("unknown key type " + type);
        };
    }
}
