package com.asan.audience.intake;

import static com.asan.audience.intake.IntakeTables.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps an uploaded file in PostgreSQL, in chunks, so every instance can read it and a job survives any restart.
 * While storing, it learns the encoding (byte-order mark, well-formed UTF-8, else Windows-1252) and keeps a sample
 * for the delimiter.
 */
@Component
class ImportFileStore {

    static final int CHUNK_BYTES = 1 << 20;
    private static final int SAMPLE_BYTES = 64 * 1024;

    private final DSLContext db;

    ImportFileStore(DSLContext db) {
        this.db = db;
    }

    /** {@code notCsv}: why the file cannot be a CSV text file, if its first bytes tell (see FileSignatures). */
    record Stored(long bytes, CsvFormat format, Optional<String> notCsv) {
    }

    Stored store(long accountId, long importId, InputStream in) {
        Utf8Validator utf8 = new Utf8Validator();
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK_BYTES];
        long total = 0;
        int seq = 0;
        try {
            int filled;
            while ((filled = in.readNBytes(chunk, 0, CHUNK_BYTES)) > 0) {
                utf8.update(chunk, filled);
                if (sample.size() < SAMPLE_BYTES) {
                    sample.write(chunk, 0, Math.min(filled, SAMPLE_BYTES - sample.size()));
                }
                byte[] data = filled == CHUNK_BYTES ? chunk.clone() : java.util.Arrays.copyOf(chunk, filled);
                db.insertInto(CHUNKS).set(CH_ACCOUNT_ID, accountId).set(CH_IMPORT_ID, importId).set(CH_SEQ, seq++)
                        .set(CH_DATA, data).execute();
                total += filled;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] head = sample.toByteArray();
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        String encoding = bom || utf8.valid() ? "UTF-8" : "Windows-1252";
        CsvFormat probe = new CsvFormat(encoding, bom, ',');
        String text = new String(head, bom ? 3 : 0, head.length - (bom ? 3 : 0), probe.charset());
        return new Stored(total, new CsvFormat(encoding, bom, CsvFormat.detectDelimiter(text)),
                FileSignatures.notCsv(head));
    }

    /** The file as a stream that fetches one chunk at a time. */
    InputStream open(long accountId, long importId) {
        return new InputStream() {
            private int nextSeq;
            private byte[] current = new byte[0];
            private int position;
            private boolean done;

            @Override
            public int read() {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (done) {
                        return -1;
                    }
                    byte[] next = db.select(CH_DATA).from(CHUNKS)
                            .where(CH_ACCOUNT_ID.eq(accountId), CH_IMPORT_ID.eq(importId), CH_SEQ.eq(nextSeq++))
                            .fetchOne(CH_DATA);
                    if (next == null) {
                        done = true;
                        current = new byte[0];
                    } else {
                        current = next;
                    }
                    position = 0;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, target, offset, n);
                position += n;
                return n;
            }
        };
    }

}
