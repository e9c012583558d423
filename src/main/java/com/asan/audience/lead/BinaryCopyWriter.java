package com.asan.audience.lead;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format into memory, then sends them with one
 * {@code COPY … FROM STDIN (FORMAT binary)}: the bulk insert of imported leads and their tag links. See
 * <a href="https://www.postgresql.org/docs/17/sql-copy.html#id-1.9.3.55.9.4">the binary format</a> and
 * docs/decisions/0005-import-insert-with-binary-copy.md. Each row starts with {@link #row(int)}, then its fields in the
 * order of the column list.
 */
final class BinaryCopyWriter {

    private static final byte[] HEADER = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte JSONB_VERSION = 1;

    private byte[] buffer;
    private int size;

    BinaryCopyWriter(int expectedBytes) {
        buffer = new byte[Math.max(expectedBytes, 64)];
        append(HEADER, HEADER.length);
    }

    void row(int fields) {
        ensure(2);
        buffer[size++] = (byte) (fields >>> 8);
        buffer[size++] = (byte) fields;
    }

    void int8(Long value) {
        if (value == null) {
            nullField();
        } else {
            int4(8);
            long8(value);
        }
    }

    void text(String value) {
        if (value == null) {
            nullField();
            return;
        }
        // Latin-1 text is written byte by byte; anything else goes through the encoder
        int length = value.length();
        ensure(4 + length);
        int lengthAt = size;
        size += 4;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = lengthAt;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                int4(utf8.length);
                append(utf8, utf8.length);
                return;
            }
            buffer[size++] = (byte) c;
        }
        writeInt(lengthAt, length);
    }

    void timestamptz(OffsetDateTime value) {
        if (value == null) {
            nullField();
            return;
        }
        long micros = Math.addExact(Math.multiplyExact(value.toEpochSecond(), 1_000_000L), value.getNano() / 1_000L);
        int4(8);
        long8(micros - POSTGRES_EPOCH_MICROS);
    }

    void jsonb(String json) {
        if (json == null) {
            nullField();
            return;
        }
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        int4(utf8.length + 1);
        ensure(1);
        buffer[size++] = JSONB_VERSION;
        append(utf8, utf8.length);
    }

    /** Sends the rows written so far; {@code target} is {@code table (column, …)}. Answers the number of rows. */
    long copyInto(Connection connection, String target) throws SQLException {
        ensure(2);
        buffer[size++] = (byte) 0xFF;
        buffer[size++] = (byte) 0xFF;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + target + " FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(buffer, 0, size);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void nullField() {
        int4(-1);
    }

    private void int4(int value) {
        ensure(4);
        writeInt(size, value);
        size += 4;
    }

    private void writeInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void long8(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void append(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (buffer.length - size < more) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
