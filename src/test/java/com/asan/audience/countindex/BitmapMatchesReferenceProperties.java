package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.criteria.Group;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.ReferenceEvaluator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.roaringbitmap.IntIterator;

/**
 * The bitmap evaluator against the reference evaluator, in memory, over random sequences of inserts, updates and
 * deletes: after every step the bitmap result equals the reference result. Fast enough for many tries.
 */
class BitmapMatchesReferenceProperties {

    /** Has a fraction of a second, which the evaluation context drops: times near it test the index's rounding. */
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00.400Z");
    static final List<String> EMAILS = List.of("Ann@Example.com", "ann.b@gmail.com", "x@y.ca", "a@b@c.com",
            "noat", "gmail@outlook.com", "ÉLO@exemple.fr", "bob@", "@gmail.com");
    static final Map<String, CustomFieldDefinition> FIELDS = Map.of(
            "city", new CustomFieldDefinition("city", "City", FieldType.TEXT, List.of()),
            "budget", new CustomFieldDefinition("budget", "Budget", FieldType.NUMBER, List.of()),
            "ok", new CustomFieldDefinition("ok", "OK", FieldType.BOOLEAN, List.of()),
            "move", new CustomFieldDefinition("move", "Move", FieldType.DATE, List.of()));

    record Step(boolean delete, int leadNumber, LeadFacts facts) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<LeadFacts> facts = Combinators.combine(
                Arbitraries.of("Ann", "ann", "Bob", "ÉLO").injectNull(0.3),
                Arbitraries.of("Hot", "Warm", "Cold"),
                Arbitraries.of("VIP", "Buyer", "Investor").set().ofMaxSize(3),
                Arbitraries.of(1L, 2L).injectNull(0.3),
                Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.of(0L, 1L, 400_000L, 999_999L,
                                1_000_000L, 1_400_000L), Arbitraries.of(0L, 997L, 86_400L * 365 * 80))
                        .as((d, micros, shift) -> NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .minusSeconds(d * 86_400L + d * shift).plusNanos(micros * 1_000L)),
                Arbitraries.integers().between(0, 60).map(d -> NOW.minusSeconds(d * 43_200L)).injectNull(0.3),
                Arbitraries.of("Toronto", "ottawa", "TORONTO").injectNull(0.3),
                Arbitraries.of(24, 100, 500, 750).injectNull(0.3)
        ).as((first, status, tags, agent, created, active, city, budget) -> {
            Map<String, Object> custom = new HashMap<>();
            if (city != null) {
                custom.put("city", city);
            }
            if (budget != null) {
                // the same number written with different scales (500, 500.0, 500.00) is one value
                custom.put("budget", new BigDecimal(budget).setScale((status.length() + tags.size()) % 3));
                custom.put("ok", budget > 200);
                custom.put("move", LocalDate.of(2026, 6, 1).plusDays(budget % 30));
            }
            List<LeadFacts.EngagementEvent> events = budget == null ? List.of()
                    : List.of(new LeadFacts.EngagementEvent(budget % 2 + 1, budget > 400 ? "opened" : "clicked",
                    NOW.minusSeconds(budget * 3600L)));
            return new LeadFacts(0, first, null, null, agent == null ? null : "+1", agent == null ? null : "mobile",
                    status, "API", tags, agent, created, active, custom, events);
        });
        Arbitrary<LeadFacts> withEmail = Combinators.combine(facts, Arbitraries.of(EMAILS).injectNull(0.2))
                .as((f, email) -> new LeadFacts(f.id(), f.firstName(), f.lastName(), email, f.phone(), f.phoneType(),
                        f.status(), f.source(), f.tags(), f.assignedTo(), f.createdAt(), f.lastActiveAt(), f.custom(),
                        f.events()));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9).map(n -> n == 0),
                Arbitraries.integers().between(1, 12), withEmail).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<Map<String, Object>> criteria() {
        Arbitrary<Map<String, Object>> condition = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("is", "is_not", "in", "not_in"), Arbitraries.of("Hot", "Warm"))
                        .as((op, v) -> cond("status", op, op.contains("in") ? List.of(v, "Cold") : v)),
                Combinators.combine(Arbitraries.of("has_any", "has_all", "has_none"),
                        Arbitraries.of("vip", "BUYER", "investor", "nobody").list().ofMinSize(1).ofMaxSize(3))
                        .as((op, v) -> cond("tags", op, v)),
                Arbitraries.of("is_empty", "is_not_empty").map(op -> cond("tags", op, null)),
                Arbitraries.of("is_empty", "is_not_empty").map(op -> cond("assigned_to", op, null)),
                Arbitraries.of(1L, 2L, 3L).map(id -> cond("assigned_to", "is", id)),
                Arbitraries.of("mobile", "landline").map(v -> cond("phone_type", "is", v)),
                Combinators.combine(Arbitraries.of("in_last_days", "not_in_last_days"), Arbitraries.of(1, 7, 30))
                        .as((op, d) -> cond("created", op, d)),
                Combinators.combine(Arbitraries.of("before", "after"), Arbitraries.integers().between(0, 70))
                        .as((op, d) -> cond("last_active", op, LocalDate.of(2026, 6, 15).minusDays(d).toString())),
                Arbitraries.of("is_empty", "is_not_empty").map(op -> cond("last_active", op, null)),
                Combinators.combine(Arbitraries.of("is", "is_not", "contains", "starts_with"),
                        Arbitraries.of("toronto", "OTT", "o")).as((op, v) -> cond("custom.city", op, v)),
                Combinators.combine(Arbitraries.of("is", "gt", "gte", "lt", "lte"), Arbitraries.of(100, 500, 600))
                        .as((op, v) -> cond("custom.budget", op, v)),
                Arbitraries.of(true, false).map(v -> cond("custom.ok", "is", v)),
                Combinators.combine(Arbitraries.of("before", "after"), Arbitraries.integers().between(0, 40))
                        .as((op, d) -> cond("custom.move", op, LocalDate.of(2026, 6, 1).plusDays(d).toString())),
                Combinators.combine(Arbitraries.of("opened", "not_opened", "clicked", "not_clicked"),
                        Arbitraries.of("last", "any", 1L, 2L), Arbitraries.of(1, 30).injectNull(0.5))
                        .as((op, c, w) -> {
                            Map<String, Object> v = new LinkedHashMap<>();
                            v.put("campaign", c);
                            if (w != null && "any".equals(c)) {
                                v.put("within_days", w);
                            }
                            return cond("engagement", op, v);
                        }),
                Combinators.combine(Arbitraries.of("is", "starts_with"), Arbitraries.of("ann", "é"))
                        .as((op, v) -> cond("first_name", op, v)),
                Combinators.combine(Arbitraries.of("is", "is_not", "in", "contains", "not_contains", "starts_with"),
                        Arbitraries.of("ann@example.com", "EXAMPLE", "gmail", "@", "b@", "@c", "a@b", "x@y.ca",
                                "n@ex", "n@g", "an@ex", "b@c.com", "noat", "no", "é", "bob@", "@gmail.com", "a", "com"))
                        .as((op, v) -> cond("email", op, op.equals("in") ? List.of(v, "x@y.ca") : v)),
                Arbitraries.of("is_empty", "is_not_empty").map(op -> cond("email", op, null)));
        Arbitrary<Map<String, Object>> inner = Combinators.combine(Arbitraries.of("all", "any", "none"),
                condition.list().ofMinSize(1).ofMaxSize(3)).as(BitmapMatchesReferenceProperties::group);
        Arbitrary<Object> member = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, condition.map(c -> (Object) c)), net.jqwik.api.Tuple.of(1, inner.map(g -> (Object) g)));
        return Combinators.combine(Arbitraries.of("all", "any", "none"), member.list().ofMinSize(1).ofMaxSize(3))
                .as(BitmapMatchesReferenceProperties::group);
    }

    @Property(tries = 2000, seed = "20261126")
    void bitmapEqualsReferenceAfterEveryStep(@ForAll("steps") List<Step> steps,
                                            @ForAll("criteria") Map<String, Object> criteria) {
        Group group = new CriteriaParser(FIELDS).parse(criteria, "criteria");
        AccountIndex index = new AccountIndex(1);
        Map<Long, LeadFacts> leads = new LinkedHashMap<>();
        for (Step step : steps) {
            apply(step, index, leads);
            assertMatchesReference(index, leads, group, () -> "bitmap and reference disagree\ncriteria: " + criteria
                    + "\nleads: " + leads.values());
            for (long agent = 1; agent <= 3; agent++) {
                long me = agent;
                assertAgentSeesOwnMatches(index, leads, group, me, () -> "agent " + me + " sees other leads\ncriteria: "
                        + criteria + "\nleads: " + leads.values());
            }
        }
    }

    /**
     * An agent limited to their own leads counts the criteria ANDed with "assigned to me": exactly the reference's
     * matches that are assigned to them.
     */
    private static void assertAgentSeesOwnMatches(AccountIndex index, Map<Long, LeadFacts> leads, Group group,
                                                  long agent, java.util.function.Supplier<String> description) {
        EvaluationContext context = new EvaluationContext(NOW, ZoneId.of("America/Toronto"), 1L);
        long expected = leads.values().stream().filter(lead -> ReferenceEvaluator.matches(group, lead, context)
                && Long.valueOf(agent).equals(lead.assignedTo())).count();
        assertThat(new BitmapEvaluator(index, context).count(group.assignedTo(agent))).as(description)
                .isEqualTo(expected);
    }

    /**
     * An index written to a snapshot and read back at a random step answers like the reference from then on,
     * through the writes that follow it (the restored structures must keep working, not only answer once).
     */
    @Property(tries = 1000, seed = "20261127")
    void anIndexReadBackFromItsSnapshotGoesOnMatchingTheReference(@ForAll("steps") List<Step> steps,
                                                                 @ForAll("criteria") Map<String, Object> criteria,
                                                                 @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 24) int restoreAfter) {
        Group group = new CriteriaParser(FIELDS).parse(criteria, "criteria");
        AccountIndex index = new AccountIndex(1);
        Map<Long, LeadFacts> leads = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            apply(steps.get(i), index, leads);
            index.version = i + 1;
            if (i == Math.min(restoreAfter, steps.size() - 1)) {
                index = readBack(index);
                assertThat(index.version).isEqualTo(i + 1);
            }
            int step = i;
            assertMatchesReference(index, leads, group, () -> "restored index and reference disagree at step " + step
                    + " (read back after step " + restoreAfter + ")\ncriteria: " + criteria + "\nleads: "
                    + leads.values());
        }
    }

    private static void apply(Step step, AccountIndex index, Map<Long, LeadFacts> leads) {
        long id = 100 + step.leadNumber();
        if (step.delete()) {
            index.remove(id);
            leads.remove(id);
        } else {
            LeadFacts lead = withId(step.facts(), id);
            index.put(lead);
            leads.put(id, lead);
        }
    }

    /** The index's members and count equal the reference evaluator's over the leads. */
    private static void assertMatchesReference(AccountIndex index, Map<Long, LeadFacts> leads, Group group,
                                               java.util.function.Supplier<String> description) {
        EvaluationContext context = new EvaluationContext(NOW, ZoneId.of("America/Toronto"), 1L);
        Set<Long> expected = new TreeSet<>();
        leads.values().stream().filter(lead -> ReferenceEvaluator.matches(group, lead, context))
                .forEach(lead -> expected.add(lead.id()));
        BitmapEvaluator evaluator = new BitmapEvaluator(index, context);
        Set<Long> actual = new TreeSet<>();
        IntIterator it = evaluator.evaluate(group).getIntIterator();
        while (it.hasNext()) {
            actual.add(index.ordinals.idOf(it.next()));
        }
        assertThat(actual).as(description).isEqualTo(expected);
        assertThat(evaluator.count(group)).as(description).isEqualTo(expected.size());
    }

    static AccountIndex readBack(AccountIndex index) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            AccountIndexCodec.write(index, new java.io.DataOutputStream(bytes));
            return AccountIndexCodec.read(new java.io.DataInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray())), index.accountId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LeadFacts withId(LeadFacts f, long id) {
        return new LeadFacts(id, f.firstName(), f.lastName(), f.email(), f.phone(), f.phoneType(), f.status(),
                f.source(), new HashSet<>(f.tags()), f.assignedTo(), f.createdAt(), f.lastActiveAt(), f.custom(),
                new ArrayList<>(f.events()));
    }

    static Map<String, Object> cond(String field, String operator, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("operator", operator);
        if (value != null) {
            condition.put("value", value);
        }
        return condition;
    }

    static Map<String, Object> group(String match, List<?> members) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("match", match);
        group.put("conditions", members);
        return group;
    }
}
