package com.asan.audience.lead;

import static com.asan.audience.lead.LeadSnapshots.MAX_CHANGED_LEADS;
import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Index loads read leads, tag links and engagement as three streams of one snapshot, the side streams on their own
 * connections: every value arrives typed, engagement as the latest event per campaign and type, and a write that
 * commits while the streams start is in none of them.
 */
class LeadSnapshotsTest extends ApiTestBase {

    private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
    private static final OffsetDateTime T2 = T1.plusDays(2);
    private static final OffsetDateTime T3 = T1.plusDays(5);

    @Autowired
    LeadSnapshots snapshots;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DSLContext db;
    @Autowired
    DataSource dataSource;
    @Autowired
    CustomFieldRepository customFields;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aWholeAccountArrivesTypedWithTheLatestEngagementPerCampaignAndType() {
        TestAccount account = newAccount();
        Api api = account.api();
        defineFields(api);
        long full = api.post("/api/leads", Map.of("firstName", "Ada", "lastName", "Lovelace",
                "email", "Ada@Example.com", "phone", "(416) 555-0199", "status", "Hot", "tags", List.of("VIP", "buyer"),
                "lastActiveAt", "2026-02-01T08:30:00.5Z",
                "customFields", Map.of("budget", 500000.25, "city", "Paris", "pre_approved", true,
                        "move_in_date", "2027-01-15", "property_type", "Condo"))).id();
        long empty = api.post("/api/leads", Map.of("firstName", "Bo")).id();
        event(account.accountId(), full, 1, "sent", T1);
        event(account.accountId(), full, 1, "opened", T1);
        event(account.accountId(), full, 1, "opened", T2);
        event(account.accountId(), full, 2, "clicked", T3);
        event(account.accountId(), full, 2, "opened", T1);

        Map<Long, LeadFacts> loaded = loadAll(account.accountId());
        assertThat(loaded).containsOnlyKeys(full, empty);

        LeadFacts ada = loaded.get(full);
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.lastName()).isEqualTo("Lovelace");
        assertThat(ada.email()).isEqualToIgnoringCase("ada@example.com");
        assertThat(ada.phone()).isEqualTo("+14165550199");
        assertThat(ada.phoneType()).isNotNull();
        assertThat(ada.status()).isEqualTo("Hot");
        assertThat(ada.source()).isEqualTo("API");
        assertThat(ada.tags()).containsExactlyInAnyOrder("vip", "buyer");
        assertThat(ada.lastActiveAt()).isEqualTo(Instant.parse("2026-02-01T08:30:00.5Z"));
        assertThat(ada.createdAt()).isNotNull();
        assertThat(ada.custom()).containsOnlyKeys("budget", "city", "pre_approved", "move_in_date", "property_type");
        assertThat((BigDecimal) ada.custom().get("budget")).isEqualByComparingTo("500000.25");
        assertThat(ada.custom()).containsEntry("city", "Paris").containsEntry("pre_approved", true)
                .containsEntry("move_in_date", LocalDate.of(2027, 1, 15)).containsEntry("property_type", "Condo");
        assertThat(ada.events()).containsExactlyInAnyOrder(
                new LeadFacts.EngagementEvent(1, "opened", T2.toInstant()),
                new LeadFacts.EngagementEvent(2, "clicked", T3.toInstant()),
                new LeadFacts.EngagementEvent(2, "opened", T1.toInstant()));

        LeadFacts bo = loaded.get(empty);
        assertThat(bo.lastName()).isNull();
        assertThat(bo.email()).isNull();
        assertThat(bo.assignedTo()).isNull();
        assertThat(bo.lastActiveAt()).isNull();
        assertThat(bo.tags()).isEmpty();
        assertThat(bo.custom()).isEmpty();
        assertThat(bo.events()).isEmpty();

        LeadSnapshots.Changes changes = snapshots.changesSince(account.accountId(), 0, MAX_CHANGED_LEADS);
        assertThat(changes.current()).as("a few leads read on one connection, the same way")
                .containsExactlyInAnyOrderElementsOf(loaded.values());
    }

    @Test
    void aReaderSaysHowManyChangedLeadsItWouldReloadBeforeARebuild() {
        TestAccount account = newAccount();
        Api api = account.api();
        long before = snapshots.version(account.accountId());
        long first = api.post("/api/leads", Map.of("firstName", "Ada")).id();
        long second = api.post("/api/leads", Map.of("firstName", "Bo")).id();

        LeadSnapshots.Changes within = snapshots.changesSince(account.accountId(), before, 2);
        assertThat(within.wholeAccount()).isFalse();
        assertThat(within.changedIds()).containsExactlyInAnyOrder(first, second);
        assertThat(within.current()).extracting(LeadFacts::firstName).containsExactlyInAnyOrder("Ada", "Bo");

        LeadSnapshots.Changes beyond = snapshots.changesSince(account.accountId(), before, 1);
        assertThat(beyond.wholeAccount()).as("more changed leads than the reader reloads").isTrue();
        assertThat(beyond.current()).isEmpty();
    }

    @Test
    void theSideStreamsSeeTheLoadsSnapshotNotWhatCommittedAfterIt() {
        TestAccount account = newAccount();
        Api api = account.api();
        long lead = api.post("/api/leads", Map.of("firstName", "Cy", "tags", List.of("old"))).id();
        long tagId = jdbc.queryForObject("select id from tags where account_id = ? and name = 'old'", Long.class,
                account.accountId());
        long newTag = jdbc.queryForObject("insert into tags (account_id, name) values (?, 'new') returning id",
                Long.class, account.accountId());
        // Commits on another thread (no transaction of the load) each time a side stream is about to start.
        Executor committingFirst = task -> CompletableFuture.runAsync(() -> {
            jdbc.update("insert into lead_tags (account_id, lead_id, tag_id) values (?, ?, ?) on conflict do nothing",
                    account.accountId(), lead, newTag);
            event(account.accountId(), lead, 7, "opened", T1);
        }).thenRunAsync(task, Executors.newSingleThreadExecutor()).join();

        List<LeadFacts> seen = new ArrayList<>();
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.executeWithoutResult(status -> new LeadStreams(db, dataSource, committingFirst)
                .all(account.accountId(), customFields.all(account.accountId()), new LeadBatchDecoder(seen::add)));

        assertThat(seen).singleElement().satisfies(cy -> {
            assertThat(cy.tags()).containsExactly("old");
            assertThat(cy.events()).isEmpty();
        });
        assertThat(tagId).isNotEqualTo(newTag);
        LeadFacts afterwards = loadAll(account.accountId()).get(lead);
        assertThat(afterwards.tags()).as("the writes did commit").containsExactlyInAnyOrder("old", "new");
        assertThat(afterwards.events()).hasSize(1);
    }

    /** Email addresses arrive split at their last '@' (the domain coded) and decode to what is stored. */
    @Test
    void emailAddressesOfAnyShapeComeBackAsStored() {
        TestAccount account = newAccount();
        List<String> emails = List.of("Ada@Example.COM", "no-at-sign", "Trailing@", "@Leading", "x@y@Z.com",
                "ÄBC@ÖÖ.de", " spaced@b.com ");
        for (String email : emails) {
            jdbc.update("insert into leads (account_id, first_name, email, status, source) values (?, 'E', ?, 'Hot', "
                    + "'API')", account.accountId(), email);
        }
        assertThat(loadAll(account.accountId()).values()).extracting(LeadFacts::email)
                .containsExactlyInAnyOrderElementsOf(emails);
    }

    @Test
    void anAccountWithoutLeadsLoadsEmpty() {
        TestAccount account = newAccount();
        assertThat(loadAll(account.accountId())).isEmpty();
    }

    private Map<Long, LeadFacts> loadAll(long accountId) {
        List<LeadFacts> leads = new ArrayList<>();
        snapshots.loadAll(accountId, new LeadBatchDecoder(leads::add));
        assertThat(leads).extracting(LeadFacts::id).isSorted();
        return leads.stream().collect(Collectors.toMap(LeadFacts::id, Function.identity()));
    }

    private void event(long accountId, long leadId, long campaignId, String type, OffsetDateTime at) {
        jdbc.update("insert into email_events (account_id, lead_id, campaign_id, type, occurred_at) "
                + "values (?, ?, ?, ?, ?)", accountId, leadId, campaignId, type, at);
    }

    private static void defineFields(Api api) {
        for (Map<String, Object> field : List.of(
                Map.<String, Object>of("key", "budget", "label", "Budget", "type", "number"),
                Map.<String, Object>of("key", "city", "label", "City", "type", "text"),
                Map.<String, Object>of("key", "pre_approved", "label", "Pre-approved", "type", "boolean"),
                Map.<String, Object>of("key", "move_in_date", "label", "Move-in", "type", "date"),
                Map.<String, Object>of("key", "property_type", "label", "Property type", "type", "select",
                        "options", List.of("Condo", "House")))) {
            assertThat(api.post("/api/custom-fields", field).status()).isEqualTo(201);
        }
    }
}
