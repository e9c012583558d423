package com.asan.audience.lead;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of {@code COPY (select …) TO STDOUT (FORMAT binary)} field by field, straight from the protocol's
 * buffers: no per-row objects and no text parsing of numbers and times. See
 * <a href="https://www.postgresql.org/docs/17/sql-copy.html#id-1.9.3.55.9.4">the binary format</a>.
 * Each row's fields are read in order with the typed methods below.
 */
final class BinaryCopyReader implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private final CopyOut copy;
    private byte[] buffer = new byte[0];
    private int position;

    private BinaryCopyReader(CopyOut copy) {
        this.copy = copy;
    }

    /** Starts copying the rows of a rendered, parameter-free {@code select} on the connection. */
    static BinaryCopyReader open(Connection connection, String select) throws SQLException {
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
        BinaryCopyReader reader = new BinaryCopyReader(copy);
        try {
            reader.readHeader();
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /** Moves to the next row; false after the last one. */
    boolean nextRow() throws SQLException {
        ensure(2);
        if (readShort() != -1) {
            return true;
        }
        while (copy.readFromCopy() != null) {
            // the trailer is the last message; reading past it ends the COPY on the connection
        }
        return false;
    }

    /** The next field as a {@code bigint}; {@code ifNull} when it is NULL. */
    long int8(long ifNull) throws SQLException {
        if (!fixedSizeField(8, "an 8-byte bigint or timestamptz")) {
            return ifNull;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (buffer[position++] & 0xFF);
        }
        return value;
    }

    /** Reads the next field's length: false for NULL, otherwise checks it and makes its bytes available. */
    private boolean fixedSizeField(int size, String expected) throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return false;
        }
        if (length != size) {
            throw new SQLException("expected " + expected + ", got " + length + " bytes");
        }
        ensure(size);
        return true;
    }

    /** The next field as text, or null. */
    String text() throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return null;
        }
        ensure(length);
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** The next field as a code of {@code codes} ({@link LeadBatch#NONE} for NULL); a new value is parsed. */
    <V> int code(ValueCodes<V> codes, Function<String, V> parse) throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return LeadBatch.NONE;
        }
        ensure(length);
        int code = codes.code(buffer, position, length, parse);
        position += length;
        return code;
    }

    /** The next field as a code of {@code codes} by its {@code bigint} value ({@link LeadBatch#NONE} for NULL). */
    <V> int int8Code(ValueCodes<V> codes, LongFunction<V> value) throws SQLException {
        int length = peekFieldLength();
        if (length < 0) {
            position += 4;
            return LeadBatch.NONE;
        }
        return codes.code(int8(0), value);
    }

    /** Gives a row's value its bytes. */
    @FunctionalInterface
    interface RowBytes {
        void accept(int row, byte[] bytes, int offset, int length);
    }

    /** Gives the next field's bytes (text as UTF-8) to the sink, for the row; false when it is NULL. */
    boolean bytes(int row, RowBytes sink) throws SQLException {
        int length = fieldLength();
        if (length < 0) {
            return false;
        }
        ensure(length);
        sink.accept(row, buffer, position, length);
        position += length;
        return true;
    }

    /**
     * The next field, a {@code timestamptz}, into {@code times} at an index (absent when NULL); ±infinity become
     * {@link Instant#MAX} and {@link Instant#MIN}.
     */
    void timestamp(LeadBatch.Times times, int at) throws SQLException {
        int length = peekFieldLength();
        if (length < 0) {
            position += 4;
            times.set(at, null);
            return;
        }
        long micros = int8(0);
        times.seconds[at] = epochSecond(micros);
        times.nanos[at] = nano(micros);
    }

    /** A {@code timestamptz} as sent: microseconds since 2000-01-01 UTC, or ±infinity as the extreme longs. */
    static long epochSecond(long micros) {
        if (micros == Long.MAX_VALUE) {
            return Instant.MAX.getEpochSecond();
        }
        if (micros == Long.MIN_VALUE) {
            return Instant.MIN.getEpochSecond();
        }
        return POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L);
    }

    static int nano(long micros) {
        if (micros == Long.MAX_VALUE) {
            return Instant.MAX.getNano();
        }
        if (micros == Long.MIN_VALUE) {
            return Instant.MIN.getNano();
        }
        return (int) Math.floorMod(micros, 1_000_000L) * 1_000;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void readHeader() throws SQLException {
        ensure(SIGNATURE.length + 8);
        for (byte expected : SIGNATURE) {
            if (buffer[position++] != expected) {
                throw new SQLException("not a binary COPY stream");
            }
        }
        position += 4; // flags: no OIDs in COPY of a query
        int extension = readInt();
        ensure(extension);
        position += extension;
    }

    private int fieldLength() throws SQLException {
        ensure(4);
        return readInt();
    }

    private int peekFieldLength() throws SQLException {
        ensure(4);
        int length = readInt();
        position -= 4;
        return length;
    }

    private int readInt() {
        int value = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    private short readShort() {
        short value = (short) (((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF));
        position += 2;
        return value;
    }

    /** Makes {@code count} unread bytes available, joining protocol messages when a value spans two. */
    private void ensure(int count) throws SQLException {
        while (buffer.length - position < count) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                throw new SQLException("the COPY stream ended inside a row");
            }
            int left = buffer.length - position;
            if (left == 0) {
                buffer = next;
            } else {
                byte[] joined = new byte[left + next.length];
                System.arraycopy(buffer, position, joined, 0, left);
                System.arraycopy(next, 0, joined, left, next.length);
                buffer = joined;
            }
            position = 0;
        }
    }
}
