package com.asan.audience.lead;

import com.asan.audience.criteria.LeadFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consistent reads of an account's leads for in-memory indexes: a full load, or the leads changed since a
 * version of the change feed. Each read is one REPEATABLE READ snapshot, so the returned version and rows agree.
 * Tags come folded; engagement comes as the latest opened/clicked time per campaign.
 */
@Service
public class LeadSnapshots implements DisposableBean {

    private static final AtomicInteger SIDE_READER_THREADS = new AtomicInteger();

    private final DSLContext db;
    private final CustomFieldRepository customFields;
    private final ExecutorService sideReaders = Executors.newCachedThreadPool(LeadSnapshots::sideReaderThread);
    private final LeadStreams streams;

    LeadSnapshots(DSLContext db, DataSource dataSource, CustomFieldRepository customFields) {
        this.db = db;
        this.customFields = customFields;
        this.streams = new LeadStreams(db, dataSource, sideReaders);
    }

    /** The latest committed version of the account's change feed (0 before any change). One indexed lookup. */
    public long version(long accountId) {
        Long version = db.select(LeadChangeFeed.VERSION).from(LeadChangeFeed.VERSIONS)
                .where(LeadChangeFeed.ACCOUNT_ID.eq(accountId)).fetchOne(LeadChangeFeed.VERSION);
        return version == null ? 0 : version;
    }

    /**
     * Streams every lead of the account in id order, as batches to be read in the order given; returns the version
     * the stream reflects.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public long loadAll(long accountId, Consumer<LeadBatch> sink) {
        long version = version(accountId);
        streams.all(accountId, customFields.all(accountId), sink);
        return version;
    }

    public static final int MAX_CHANGED_LEADS = 50_000;

    /**
     * Before applying {@code current}, which is read after every change, a reader drops what it holds for
     * {@code droppedFields} (custom field keys deleted or retyped) and {@code unassignedMembers} (team members
     * removed: their leads are unassigned).
     */
    public record Changes(long version, boolean wholeAccount, List<String> droppedFields,
                          List<Long> unassignedMembers, Set<Long> changedIds, List<LeadFacts> current) {
    }

    /**
     * What changed after {@code fromVersion}, as one snapshot. {@code wholeAccount} means only a rebuild is exact: an
     * account-wide change, more than {@code maxChangedLeads} changed leads (the reader would rather rebuild than
     * reload more one by one; all of them are held in memory at once), or changes pruned before the reader saw them.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public Changes changesSince(long accountId, long fromVersion, int maxChangedLeads) {
        Record marks = db.select(LeadChangeFeed.VERSION, LeadChangeFeed.PRUNED_THROUGH).from(LeadChangeFeed.VERSIONS)
                .where(LeadChangeFeed.ACCOUNT_ID.eq(accountId)).fetchOne();
        long version = marks == null ? 0 : marks.get(LeadChangeFeed.VERSION);
        Set<Long> ids = new TreeSet<>();
        if (marks != null && fromVersion < marks.get(LeadChangeFeed.PRUNED_THROUGH)) {
            // changes the reader has not seen were pruned (LeadChangeRetention): only a rebuild is exact
            return new Changes(version, true, List.of(), List.of(), ids, List.of());
        }
        boolean wholeAccount = false;
        List<String> droppedFields = new ArrayList<>();
        List<Long> unassignedMembers = new ArrayList<>();
        for (Record r : db.select(LeadChangeFeed.LEAD_ID, LeadChangeFeed.LEAD_IDS, LeadChangeFeed.DROPPED_FIELD,
                        LeadChangeFeed.UNASSIGNED_MEMBER).from(LeadChangeFeed.CHANGES)
                .where(LeadChangeFeed.ACCOUNT_ID.eq(accountId), LeadChangeFeed.VERSION.gt(fromVersion),
                        LeadChangeFeed.VERSION.le(version)).orderBy(LeadChangeFeed.VERSION).fetch()) {
            Long id = r.get(LeadChangeFeed.LEAD_ID);
            Long[] batch = r.get(LeadChangeFeed.LEAD_IDS);
            if (r.get(LeadChangeFeed.DROPPED_FIELD) != null) {
                droppedFields.add(r.get(LeadChangeFeed.DROPPED_FIELD));
            }
            if (r.get(LeadChangeFeed.UNASSIGNED_MEMBER) != null) {
                unassignedMembers.add(r.get(LeadChangeFeed.UNASSIGNED_MEMBER));
            }
            if (batch != null) {
                ids.addAll(Arrays.asList(batch));
            } else if (id == null) {
                wholeAccount = true;
            } else {
                ids.add(id);
            }
        }
        // Past this many changed leads (a large import), reloading them one by one costs more than a rebuild.
        if (ids.size() > maxChangedLeads) {
            wholeAccount = true;
        }
        List<LeadFacts> current = new ArrayList<>();
        if (!wholeAccount && !ids.isEmpty()) {
            streams.some(accountId, ids.toArray(Long[]::new), customFields.all(accountId),
                    new LeadBatchDecoder(current::add));
        }
        return new Changes(version, wholeAccount, droppedFields, unassignedMembers, ids, current);
    }

    private static Thread sideReaderThread(Runnable task) {
        Thread thread = new Thread(task, "lead-snapshot-reader-" + SIDE_READER_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void destroy() {
        sideReaders.shutdownNow();
    }
}
