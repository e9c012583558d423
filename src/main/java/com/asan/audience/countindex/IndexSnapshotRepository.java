package com.asan.audience.countindex;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored count index snapshots: a header row per account and the bytes in parts of a few megabytes. */
@Repository
class IndexSnapshotRepository {

    private static final Table<Record> SNAPSHOTS = table(name("count_index_snapshots"));
    private static final Table<Record> PARTS = table(name("count_index_snapshot_parts"));
    private static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<String> CODE = field(name("code_fingerprint"), String.class);
    private static final Field<Integer> PARTS_COUNT = field(name("parts"), Integer.class);
    private static final Field<Long> BYTES = field(name("bytes"), Long.class);
    private static final Field<Integer> PART = field(name("part"), Integer.class);
    private static final Field<byte[]> DATA = field(name("data"), byte[].class);

    /** Reads a stored snapshot's bytes; what it returns is the caller's. */
    @FunctionalInterface
    interface SnapshotReader<T> {
        T read(long version, InputStream bytes) throws IOException;
    }

    private final DSLContext db;
    /**
     * Asks pgJDBC for binary results from the first execution (it does so only from the fifth by default): bytea
     * in text comes as hex, twice the bytes to send and to decode (1M leads: 0.65 s → 0.13 s per load, measured).
     */
    private final DSLContext binaryResults;

    IndexSnapshotRepository(DSLContext db) {
        this.db = db;
        this.binaryResults = DSL.using(db.configuration().deriveAppending(ExecuteListener.onPrepareEnd(context -> {
            try {
                context.statement().unwrap(PGStatement.class).setPrepareThreshold(-1);
            } catch (SQLException e) {
                throw new DataAccessException("cannot ask pgJDBC for binary results", e);
            }
        })));
    }

    /**
     * Stores the snapshot unless one at least as new, written by the same code, is there already. Writers of one
     * account queue on its header row. Returns whether it was stored.
     */
    @Transactional
    boolean save(long accountId, long version, String codeFingerprint, List<byte[]> parts) {
        long bytes = parts.stream().mapToLong(part -> part.length).sum();
        db.insertInto(SNAPSHOTS).set(ACCOUNT_ID, accountId).set(VERSION, -1L).set(CODE, "")
                .set(PARTS_COUNT, 0).set(BYTES, 0L).onConflictDoNothing().execute();
        Record stored = db.select(VERSION, CODE).from(SNAPSHOTS).where(ACCOUNT_ID.eq(accountId)).forUpdate().fetchOne();
        if (stored != null && codeFingerprint.equals(stored.get(CODE)) && stored.get(VERSION) >= version) {
            return false;
        }
        db.deleteFrom(PARTS).where(ACCOUNT_ID.eq(accountId)).execute();
        db.update(SNAPSHOTS).set(VERSION, version).set(CODE, codeFingerprint).set(PARTS_COUNT, parts.size())
                .set(BYTES, bytes).set(field(name("written_at")), DSL.currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId)).execute();
        for (int i = 0; i < parts.size(); i++) {
            db.insertInto(PARTS).set(ACCOUNT_ID, accountId).set(PART, i).set(DATA, parts.get(i)).execute();
        }
        return true;
    }

    /**
     * Streams the account's snapshot to the reader, one part in memory at a time (a cursor, so inside a
     * transaction); null when there is none written by this code.
     */
    @Transactional(readOnly = true)
    <T> T load(long accountId, String codeFingerprint, SnapshotReader<T> reader) throws IOException {
        Record header = db.select(VERSION, CODE, PARTS_COUNT).from(SNAPSHOTS).where(ACCOUNT_ID.eq(accountId)).fetchOne();
        if (header == null || !codeFingerprint.equals(header.get(CODE)) || header.get(PARTS_COUNT) == 0) {
            return null;
        }
        try (Cursor<Record1<byte[]>> parts = binaryResults.select(DATA).from(PARTS).where(ACCOUNT_ID.eq(accountId))
                .orderBy(PART).fetchSize(1).fetchLazy()) {
            PartsStream bytes = new PartsStream(parts);
            T result = reader.read(header.get(VERSION), bytes);
            if (bytes.partsRead != header.get(PARTS_COUNT) || bytes.read() != -1) {
                throw new IOException("the snapshot has " + header.get(PARTS_COUNT) + " parts but the reader used "
                        + bytes.partsRead);
            }
            return result;
        }
    }

    /** The version of the account's snapshot written by this code, or null. */
    Long storedVersion(long accountId, String codeFingerprint) {
        return db.select(VERSION).from(SNAPSHOTS).where(ACCOUNT_ID.eq(accountId), CODE.eq(codeFingerprint))
                .fetchOne(VERSION);
    }

    /** Forgets the account's snapshot (one that cannot be used would otherwise block newer ones of its version). */
    void delete(long accountId) {
        db.deleteFrom(SNAPSHOTS).where(ACCOUNT_ID.eq(accountId)).execute();
    }

    /** The snapshot's version and size, for tests and probes; null when there is none. */
    Record header(long accountId) {
        return db.select(VERSION, CODE, PARTS_COUNT, BYTES).from(SNAPSHOTS).where(ACCOUNT_ID.eq(accountId)).fetchOne();
    }

    /** The parts in order as one stream. */
    private static final class PartsStream extends InputStream {
        private final Cursor<Record1<byte[]>> parts;
        private byte[] current = new byte[0];
        private int position;
        private int partsRead;

        PartsStream(Cursor<Record1<byte[]>> parts) {
            this.parts = parts;
        }

        private boolean ensure() {
            while (position == current.length) {
                if (!parts.hasNext()) {
                    return false;
                }
                current = parts.fetchNext().value1();
                position = 0;
                partsRead++;
            }
            return true;
        }

        @Override
        public int read() {
            return ensure() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
