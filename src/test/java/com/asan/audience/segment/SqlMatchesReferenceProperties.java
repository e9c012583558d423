package com.asan.audience.segment;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.lead.LeadScope;
import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.Role;
import com.asan.audience.campaign.CampaignFacade;
import com.asan.audience.countindex.CountIndex;
import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.criteria.Group;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.ReferenceEvaluator;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.EngagementFacade;
import com.asan.audience.lead.LeadFacade;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import com.asan.audience.support.SharedApp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Differential test: for random leads (with engagement events) and random nested criteria over every field and
 * operator, the SQL evaluator returns exactly the leads that the reference evaluator accepts, and the bitmap
 * index (kept current through the change feed, since every try deletes and creates leads) counts the same.
 */
class SqlMatchesReferenceProperties {

    private static long accountId;
    private static CriteriaGenerators generators;
    private static List<Long> campaignIds;
    private static List<Long> agents;

    @BeforeContainer
    static void setUp() {
        var accounts = SharedApp.bean(AccountFacade.class);
        accountId = accounts.createAccount(new AccountFacade.SignUp("Property", "P",
                "property." + System.nanoTime() + "@test.example", "secret-pass-1")).accountId();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(accounts.seedMember(accountId, "Agent " + i, "agent" + i + "." + accountId + "@test.example",
                    Role.AGENT).id());
        }
        var fields = SharedApp.bean(CustomFieldFacade.class);
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("city", "City", "text", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("budget", "Budget", "number", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("pre_approved", "Pre-approved", "boolean", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("move_in", "Move-in", "date", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("property_type", "Type", "select",
                List.of("Condo", "Detached")));
        var campaigns = SharedApp.bean(CampaignFacade.class);
        campaignIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            campaignIds.add(campaigns.recordSent(new SystemCaller(accountId), new CampaignFacade.HistoricalCampaign("C" + i,
                    CriteriaGenerators.NOW.minus(Duration.ofDays(30L - i * 10)).toString())).id());
        }
        generators = new CriteriaGenerators(members, campaignIds);
        agents = members;
        // agents of this account see only their own leads: their counts are the criteria ANDed with "assigned to me"
        SharedApp.bean(JdbcTemplate.class).update("update accounts set agent_lead_access = 'assigned' "
                + "where account_id = ?", accountId);
        SharedApp.bean(CountIndex.class).warm(accountId).join();
    }

    @AfterContainer
    static void tearDown() {
        SharedApp.close();
    }

    @Provide
    Arbitrary<List<CriteriaGenerators.LeadSpec>> leads() {
        return generators.leads();
    }

    @Provide
    Arbitrary<Map<String, Object>> criteria() {
        return generators.criteria();
    }

    @Provide
    Arbitrary<String> zones() {
        return generators.zones();
    }

    @Property(tries = 1000, seed = "20261126")
    void sqlReturnsExactlyTheLeadsTheReferenceAccepts(@ForAll("leads") List<CriteriaGenerators.LeadSpec> leads,
                                                      @ForAll("criteria") Map<String, Object> criteria,
                                                      @ForAll("zones") String zone,
                                                      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2)
                                                      int agent) {
        JdbcTemplate jdbc = SharedApp.bean(JdbcTemplate.class);
        LeadFacade leadFacade = SharedApp.bean(LeadFacade.class);
        jdbc.queryForList("select id from leads where account_id = ?", Long.class, accountId)
                .forEach(id -> leadFacade.delete(new SystemCaller(accountId), id));
        jdbc.update("update accounts set time_zone = ? where account_id = ?", zone, accountId);
        ZoneId zoneId = ZoneId.of(zone);

        EngagementFacade engagement = SharedApp.bean(EngagementFacade.class);
        LeadQueries queries = SharedApp.bean(LeadQueries.class);
        List<LeadFacts> facts = new ArrayList<>();
        for (CriteriaGenerators.LeadSpec spec : leads) {
            Map<String, Object> json = new HashMap<>(spec.json());
            json.put("createdAt", CriteriaGenerators.resolveTime((String) json.get("createdAt"), zoneId));
            if (json.get("lastActiveAt") != null) {
                json.put("lastActiveAt", CriteriaGenerators.resolveTime((String) json.get("lastActiveAt"), zoneId));
            }
            if (json.get("email") != null && jdbc.queryForObject(
                    "select count(*) from leads where account_id = ? and lower(email) = lower(?)", Integer.class,
                    accountId, json.get("email")) > 0) {
                json.remove("email");
            }
            LeadView lead = leadFacade.create(new SystemCaller(accountId), json, "API");
            List<Map<String, Object>> events = new ArrayList<>();
            List<LeadFacts.EngagementEvent> eventFacts = new ArrayList<>();
            for (CriteriaGenerators.EventSpec event : spec.events()) {
                var at = CriteriaGenerators.NOW.minus(Duration.ofDays(event.daysAgo()))
                        .plus(Duration.ofMinutes(event.minutesShift()));
                long campaign = campaignIds.get(event.campaignIndex());
                events.add(Map.of("leadId", lead.id(), "campaignId", campaign, "type", event.type(),
                        "occurredAt", at.toString()));
                eventFacts.add(new LeadFacts.EngagementEvent(campaign, event.type(), at));
            }
            if (!events.isEmpty()) {
                engagement.record(accountId, events, new HashSet<>(campaignIds));
            }
            facts.add(toFacts(leadFacade.get(new SystemCaller(accountId), lead.id()), eventFacts));
        }

        CriteriaParser parser = queries.parser(accountId);
        Group group = parser.parse(criteria, "criteria");
        EvaluationContext context = new EvaluationContext(CriteriaGenerators.NOW, zoneId,
                queries.contextNow(accountId).lastCampaignId());
        Set<Long> sql = new TreeSet<>(queries.matchingIds(accountId, group, context));
        Set<Long> reference = new TreeSet<>();
        for (LeadFacts lead : facts) {
            if (ReferenceEvaluator.matches(group, lead, context)) {
                reference.add(lead.id());
            }
        }
        assertThat(sql).as(() -> "SQL and reference disagree\ncriteria: " + criteria + "\nzone: " + zone
                + "\nleads:\n" + describe(facts)).isEqualTo(reference);
        assertThat(sql.size()).isEqualTo(queries.count(accountId, group, context));
        CountIndex engine = SharedApp.bean(CountIndex.class);
        var fallbacks = SharedApp.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("audience.countindex.fallbacks");
        double fallbacksBefore = fallbacks.count();
        long engineCount = engine.count(accountId, group, context);
        boolean indexed = !criteria.toString().contains("field=email")
                && !criteria.toString().matches("(?s).*campaign=(last|\\d+), within_days.*");
        if (indexed) {
            assertThat(fallbacks.count()).as("the bitmap index answered, not PostgreSQL").isEqualTo(fallbacksBefore);
        }
        assertThat(engineCount).as(() -> "bitmap count differs\ncriteria: " + criteria
                + "\nzone: " + zone + "\nleads:\n" + describe(facts)).isEqualTo(reference.size());
        List<Long> newest = engine.newestIds(accountId, group, context, 5);
        assertThat(newest).as("bitmap members").isEqualTo(reference.stream().sorted(java.util.Comparator.reverseOrder())
                .limit(5).toList());

        long me = agents.get(agent);
        Set<Long> mine = new TreeSet<>();
        facts.stream().filter(lead -> reference.contains(lead.id()) && Long.valueOf(me).equals(lead.assignedTo()))
                .forEach(lead -> mine.add(lead.id()));
        Group scoped = new LeadScope(me).apply(group);
        assertThat(new TreeSet<>(queries.matchingIds(accountId, scoped, context)))
                .as(() -> "SQL for agent " + me + "\ncriteria: " + criteria).isEqualTo(mine);
        assertThat(engine.count(accountId, scoped, context)).as(() -> "bitmap count for agent " + me
                + "\ncriteria: " + criteria).isEqualTo(mine.size());
        // through the facade, as an agent of the account and as the system; it evaluates at the real now, so
        // compare with SQL (checked above against the reference) at the same now
        EvaluationContext live = queries.contextNow(accountId);
        assertThat(SharedApp.bean(SegmentMembers.class).preview(agentCaller(me), criteria).count())
                .as(() -> "an agent's preview counts the leads assigned to them\ncriteria: " + criteria)
                .isEqualTo(queries.count(accountId, scoped, live));
        assertThat(SharedApp.bean(SegmentMembers.class).preview(new SystemCaller(accountId), criteria).count())
                .isEqualTo(queries.count(accountId, group, live));
    }

    /** An agent of the account, as the facades see one: no permission beyond what every member has. */
    private static TenantPrincipal agentCaller(long memberId) {
        return new TenantPrincipal() {
            @Override
            public long accountId() {
                return accountId;
            }

            @Override
            public long memberId() {
                return memberId;
            }

            @Override
            public boolean has(com.asan.audience.shared.Permission permission) {
                return false;
            }

            @Override
            public String label() {
                return "agent " + memberId;
            }
        };
    }

    private static String describe(List<LeadFacts> facts) {
        StringBuilder text = new StringBuilder();
        facts.forEach(lead -> text.append("  ").append(lead).append('\n'));
        return text.toString();
    }

    static LeadFacts toFacts(LeadView lead, List<LeadFacts.EngagementEvent> events) {
        Map<String, Object> custom = new HashMap<>();
        lead.customFields().forEach((key, value) -> custom.put(key, switch (key) {
            case "budget" -> new BigDecimal(value.toString());
            case "move_in" -> LocalDate.parse(value.toString());
            default -> value;
        }));
        return new LeadFacts(lead.id(), lead.firstName(), lead.lastName(), lead.email(), lead.phone(),
                lead.phoneType(), lead.status(), lead.source(), Set.copyOf(lead.tags()), lead.assignedTo(),
                lead.createdAt().toInstant(), lead.lastActiveAt() == null ? null : lead.lastActiveAt().toInstant(),
                custom, events);
    }

}
