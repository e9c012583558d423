package com.asan.audience.countindex;

import com.asan.audience.lead.LeadSnapshots;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes account indexes to PostgreSQL and reads them back, so a start or a reload after eviction replays the
 * change feed since the stored version instead of reading every lead. Exactness does not rest on the snapshot:
 * it is only used by the very code that wrote it (a fingerprint of the classes that decide what an index holds),
 * and only when the change feed still holds every change after its version; otherwise the account is rebuilt from
 * the leads.
 */
@Component
class IndexSnapshots {

    private static final Logger log = LoggerFactory.getLogger(IndexSnapshots.class);
    private static final int PART_BYTES = 4 << 20;

    private final IndexSnapshotRepository repository;
    private final LeadSnapshots leads;
    private volatile String codeFingerprint;

    IndexSnapshots(IndexSnapshotRepository repository, LeadSnapshots leads) {
        this.repository = repository;
        this.leads = leads;
    }

    /**
     * Stores the index unless a snapshot at least as new is stored: written while holding {@code readLock} (writers
     * wait, readers do not), stored outside the lock. Returns a version the stored snapshot has reached.
     */
    long save(AccountIndex index, Lock readLock) {
        Long stored = repository.storedVersion(index.accountId, codeFingerprint());
        long seen = index.version; // a hint: the version written is read again under the lock
        if (stored != null && stored >= seen) {
            return stored;
        }
        List<byte[]> parts;
        long version;
        readLock.lock();
        try {
            version = index.version;
            parts = serialize(index);
        } finally {
            readLock.unlock();
        }
        repository.save(index.accountId, version, codeFingerprint(), parts);
        return version; // stored, or another instance stored one at least as new
    }

    /**
     * The account's stored index brought up to date with the change feed, or null when there is no snapshot this
     * code can use, or the feed cannot bring it up to date (pruned past it, an account-wide change, too many leads).
     */
    AccountIndex restore(long accountId) {
        AccountIndex index;
        try {
            index = repository.load(accountId, codeFingerprint(), (version, bytes) -> {
                AccountIndex read = AccountIndexCodec.read(
                        new DataInputStream(new BufferedInputStream(bytes, 1 << 16)), accountId);
                if (read.version != version) {
                    throw new IOException("header version " + version + ", index version " + read.version);
                }
                return read;
            });
        } catch (DataAccessException e) {
            log.warn("Could not read the count index snapshot of account {}: {}", accountId, e.toString());
            return null; // the database's trouble, not the snapshot's: keep it
        } catch (IOException | RuntimeException e) {
            log.warn("Dropping the count index snapshot of account {}: {}", accountId, e.toString());
            repository.delete(accountId);
            return null;
        }
        if (index == null) {
            return null;
        }
        LeadSnapshots.Changes changes = leads.changesSince(accountId, index.version,
                IndexedAccount.changedLeadsWorthReplaying(index.leadCount()));
        if (changes.version() < index.version) {
            log.warn("Dropping the count index snapshot of account {}: its version {} is ahead of the database's {}",
                    accountId, index.version, changes.version());
            repository.delete(accountId);
            return null;
        }
        if (changes.wholeAccount()) {
            return null; // behind the feed's reach, or after an account-wide change
        }
        index.apply(changes);
        return index;
    }

    static List<byte[]> serialize(AccountIndex index) {
        PartsOutput parts = new PartsOutput();
        try (DataOutputStream out = new DataOutputStream(parts)) {
            AccountIndexCodec.write(index, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts.parts;
    }

    /**
     * SHA-256 of the classes that decide what an index holds and how it is read (this module, the criteria core,
     * and the lead module, which writes the change feed and reads leads for builds) and of the RoaringBitmap build.
     * A deployment that changes only other modules (pages, campaigns, imports, accounts) keeps the snapshots.
     */
    String codeFingerprint() {
        String fingerprint = codeFingerprint;
        if (fingerprint == null) {
            fingerprint = computeFingerprint();
            codeFingerprint = fingerprint;
        }
        return fingerprint;
    }

    private static final List<String> FINGERPRINTED_MODULES = List.of("countindex", "criteria", "lead");

    /** The classes of the fingerprinted modules, in a stable order. */
    static List<Resource> fingerprintedClasses() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> found = new ArrayList<>();
        for (String module : FINGERPRINTED_MODULES) {
            found.addAll(List.of(resolver.getResources("classpath*:com/asan/audience/" + module + "/**/*.class")));
        }
        found.sort(Comparator.comparing(IndexSnapshots::pathInPackage));
        return found;
    }

    private static String computeFingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Resource type : fingerprintedClasses()) {
                sha.update(pathInPackage(type).getBytes(StandardCharsets.UTF_8));
                sha.update(type.getContentAsByteArray());
            }
            String roaring = String.valueOf(RoaringBitmap.class.getProtectionDomain().getCodeSource().getLocation());
            sha.update(roaring.substring(roaring.lastIndexOf("RoaringBitmap")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application's classes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pathInPackage(Resource type) {
        try {
            String url = type.getURL().toString();
            return url.substring(url.lastIndexOf("com/asan/audience/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects written bytes in parts of {@link #PART_BYTES}, the rows of the snapshot. */
    private static final class PartsOutput extends OutputStream {
        final List<byte[]> parts = new ArrayList<>();
        private byte[] current = new byte[PART_BYTES];
        private int position;

        @Override
        public void write(int b) {
            if (position == current.length) {
                flushPart();
            }
            current[position++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (position == current.length) {
                    flushPart();
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(bytes, offset, current, position, n);
                position += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() {
            if (position > 0) {
                parts.add(Arrays.copyOf(current, position));
            }
            current = new byte[0];
            position = 0;
        }

        private void flushPart() {
            parts.add(current);
            current = new byte[PART_BYTES];
            position = 0;
        }
    }
}
