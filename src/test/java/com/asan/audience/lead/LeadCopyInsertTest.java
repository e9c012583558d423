package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.asan.audience.support.ApiTestBase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New imported leads and their tag links are written as binary COPY rows built by hand: every value must read back
 * as it was given (text beyond Latin-1, nulls, times before 2000 and far ahead with their microseconds, custom
 * values), and a batch holding a taken email must fail whole, as a DuplicateKeyException, leaving nothing behind.
 */
class LeadCopyInsertTest extends ApiTestBase {

    @Autowired
    LeadInserts inserts;
    @Autowired
    LeadRepository leads;
    @Autowired
    TagRepository tags;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyValueReadsBackAsWritten() {
        long accountId = newAccount().accountId();
        OffsetDateTime created = OffsetDateTime.of(1901, 1, 1, 0, 0, 0, 1_000, ZoneOffset.UTC);
        OffsetDateTime active = OffsetDateTime.of(2199, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 30));
        OffsetDateTime updated = OffsetDateTime.of(2026, 11, 26, 12, 0, 0, 123_456_000, ZoneOffset.UTC);
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("city", "Αθήνα \"centre\"\\north");
        custom.put("budget", 1234.5);
        custom.put("pre_approved", true);
        List<Long> ids = inserts.allocateIds(2);
        LeadView full = new LeadView(ids.get(0), "Zoë", "Ξενοφών 🏠", "zoe.ξ@example.com", "+14165550199", "mobile",
                "Hot", "CSV import", List.of(), null, custom, created, active, "subscribed", updated);
        LeadView sparse = new LeadView(ids.get(1), null, null, null, null, null, "New", "CSV import", List.of(), null,
                Map.of(), updated, null, "unsubscribed", updated);

        inTransaction(() -> {
            assertThat(inserts.insertAll(accountId, List.of(full, sparse), false)).containsExactlyInAnyOrderElementsOf(ids);
            tags.addLeadTags(accountId, Map.of(ids.get(0), List.of("VIP", "Buyer"), ids.get(1), List.of("VIP")), true);
        });

        Map<Long, LeadView> stored = new LinkedHashMap<>();
        leads.byIds(accountId, ids).forEach(lead -> stored.put(lead.id(), lead));
        assertThat(comparable(stored.get(ids.get(0)))).isEqualTo(comparable(full));
        assertThat(comparable(stored.get(ids.get(1)))).isEqualTo(comparable(sparse));
        assertThat(stored.get(ids.get(1)).customFields()).isEmpty();
        assertThat(stored.get(ids.get(0)).tags()).containsExactly("Buyer", "VIP");
        assertThat(stored.get(ids.get(1)).tags()).containsExactly("VIP");
        assertThat(jdbc.queryForObject("select custom_fields = ?::jsonb from leads where id = ?", Boolean.class,
                "{\"city\": \"Αθήνα \\\"centre\\\"\\\\north\", \"budget\": 1234.5, \"pre_approved\": true}", ids.get(0)))
                .isTrue();
        assertThat(jdbc.queryForObject("select last_active_at = '2199-12-31 18:29:59.999999+00' from leads where id = ?",
                Boolean.class, ids.get(0))).isTrue();
    }

    @Test
    void aBatchWithATakenEmailFailsWholeAndLeavesNothing() {
        long accountId = newAccount().accountId();
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 26, 12, 0, 0, 0, ZoneOffset.UTC);
        List<Long> first = inserts.allocateIds(1);
        inTransaction(() -> inserts.insertAll(accountId, List.of(lead(first.get(0), "taken@example.com", now)), false));
        List<Long> ids = inserts.allocateIds(2);
        List<LeadView> batch = List.of(lead(ids.get(0), "new@example.com", now), lead(ids.get(1), "TAKEN@example.com", now));

        assertThatThrownBy(() -> inTransaction(() -> inserts.insertAll(accountId, batch, false)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select count(*) from leads where account_id = ?", Long.class, accountId))
                .isEqualTo(1);
    }

    private static LeadView lead(long id, String email, OffsetDateTime at) {
        return new LeadView(id, "First", "Last", email, null, null, "Warm", "CSV import", List.of(), null, Map.of(),
                at, null, "subscribed", at);
    }

    /** Tags and custom values are checked on their own; times as instants. */
    private static LeadView comparable(LeadView lead) {
        return new LeadView(lead.id(), lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.phoneType(),
                lead.status(), lead.source(), List.of(), lead.assignedTo(), Map.of(), utc(lead.createdAt()),
                utc(lead.lastActiveAt()), lead.emailStatus(), utc(lead.updatedAt()));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
