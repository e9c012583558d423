package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.lead.LeadBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The column-by-column build against the lead-by-lead one: for the same leads both give the same index, compared
 * by snapshot bytes (every structure, value order included), and both go on equal through later writes.
 */
class FreshIndexBuilderProperties {

    @Provide
    Arbitrary<List<LeadFacts>> leads() {
        Arbitrary<LeadFacts> facts = new BitmapMatchesReferenceProperties().steps()
                .map(steps -> steps.get(0).facts());
        return facts.list().ofMaxSize(40);
    }

    @Property(tries = 1000, seed = "20261128")
    void columnByColumnEqualsLeadByLead(@ForAll("leads") List<LeadFacts> leads,
                                        @ForAll("leads") List<LeadFacts> laterWrites,
                                        @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3) int idStep,
                                        @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 8) int batchSize)
            throws IOException {
        List<LeadFacts> numbered = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            numbered.add(withId(leads.get(i), 1_000 + (long) i * idStep));
        }
        AccountIndex leadByLead = leadByLead(numbered);
        AccountIndex columnByColumn = columnByColumn(numbered, batchSize);
        assertSameBytes(leadByLead, columnByColumn, () -> "leads: " + numbered + "\nin batches of " + batchSize);

        for (int i = 0; i < laterWrites.size(); i++) {
            // rewrites some existing leads, adds some new ones
            LeadFacts write = withId(laterWrites.get(i), 1_000 + (long) i * 2);
            leadByLead.put(write);
            columnByColumn.put(write);
        }
        assertSameBytes(leadByLead, columnByColumn, () -> "leads: " + numbered + "\nthen: " + laterWrites);
    }

    /** Several chunks of 2^16 ordinals, bitmap containers (over 4,096 values in a chunk) and many distinct values. */
    @Example
    void manyLeadsAcrossChunksGiveTheSameIndex() throws IOException {
        Random random = new Random(20261128);
        List<LeadFacts> leads = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            leads.add(generated(random, 5_000_000L + 2L * i + (i % 7 == 0 ? 1 : 0)));
        }
        assertSameBytes(leadByLead(leads), columnByColumn(leads, 4_096), () -> "140,000 generated leads");
    }

    /** The phone type of a lead without a phone is read but not indexed: no value of it, not even empty. */
    @Example
    void aPhoneTypeOnlyLeadsWithoutAPhoneHaveIsNotAValue() throws IOException {
        LeadFacts lead = generated(new Random(2), 0);
        LeadFacts noPhone = new LeadFacts(1, null, null, null, null, "landline", "Hot", "API", Set.of(), null,
                lead.createdAt(), null, Map.of(), List.of());
        LeadFacts mobile = new LeadFacts(2, null, null, null, "+15550100", "mobile", "Hot", "API", Set.of(), null,
                lead.createdAt(), null, Map.of(), List.of());
        List<LeadFacts> leads = List.of(noPhone, mobile);
        assertSameBytes(leadByLead(leads), columnByColumn(leads, 1), () -> "leads: " + leads);
    }

    /** Folding strips and lowers the whole address; the batch splits it at its last '@' before that. */
    @Example
    void emailAddressesIndexAsTheirWholeFoldedAddress() throws IOException {
        List<String> emails = List.of(" Ada@Example.COM ", "no-at-sign", " Spaced Out ", "Trailing@", "@Leading",
                "  @  ", "x@y@Z.com", "ÄBC@ÖÖ.de", "a@ b.com ", "\u0000a@B\u0000", "ada@example.com");
        LeadFacts template = generated(new Random(3), 0);
        List<LeadFacts> leads = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            leads.add(new LeadFacts(i + 1, null, null, emails.get(i), null, null, "Hot", "API", Set.of(), null,
                    template.createdAt(), null, Map.of(), List.of()));
        }
        assertSameBytes(leadByLead(leads), columnByColumn(leads, 4), () -> "emails: " + emails);
    }

    @Example
    void leadsMustArriveInAscendingIdOrder() {
        FreshIndexBuilder builder = new FreshIndexBuilder(1);
        LeadFacts lead = generated(new Random(1), 0);
        builder.add(LeadBatch.of(List.of(withId(lead, 10))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.add(LeadBatch.of(List.of(withId(lead, 10)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LeadFacts generated(Random random, long id) {
        Set<String> tags = new LinkedHashSet<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            tags.add(random.nextBoolean() ? "Tag " + random.nextInt(30) : "TAG " + random.nextInt(30));
        }
        Instant created = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(200_000_000))
                .plusNanos(random.nextInt(3) == 0 ? 500_000_000 : 0);
        Map<String, Object> custom = new java.util.HashMap<>();
        if (random.nextInt(5) > 0) {
            custom.put("budget", BigDecimal.valueOf(100_000 + 5_000L * random.nextInt(400), random.nextInt(2)));
        }
        if (random.nextBoolean()) {
            custom.put("city", "City " + random.nextInt(2_000));
            custom.put("move", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(900)));
        }
        List<LeadFacts.EngagementEvent> events = new ArrayList<>();
        for (int e = random.nextInt(3); e > 0; e--) {
            events.add(new LeadFacts.EngagementEvent(1 + random.nextInt(20), random.nextBoolean() ? "opened" : "clicked",
                    created.plusSeconds(random.nextInt(10_000_000))));
        }
        String[] statuses = {"Hot", "Warm", "Cold", "New", "Nurture"};
        return new LeadFacts(id, "First" + random.nextInt(3_000), random.nextInt(10) == 0 ? null : "Last" + random.nextInt(100_000),
                random.nextInt(8) == 0 ? null : "user" + id + "@domain" + random.nextInt(50) + ".com",
                random.nextBoolean() ? "+1555" + id : null, random.nextBoolean() ? "mobile" : "landline",
                statuses[random.nextInt(statuses.length)], "API", tags,
                random.nextInt(4) == 0 ? null : (long) random.nextInt(12), created,
                random.nextInt(3) == 0 ? null : created.plusSeconds(random.nextInt(5_000_000)), custom, events);
    }

    private static AccountIndex leadByLead(List<LeadFacts> leads) {
        AccountIndex index = new AccountIndex(1);
        leads.forEach(index::put);
        index.optimize();
        return index;
    }

    private static AccountIndex columnByColumn(List<LeadFacts> leads, int batchSize) {
        FreshIndexBuilder builder = new FreshIndexBuilder(1);
        LeadBatch.of(leads, batchSize).forEach(builder::add);
        AccountIndex index = builder.finish();
        index.optimize();
        return index;
    }

    private static void assertSameBytes(AccountIndex expected, AccountIndex actual,
                                        java.util.function.Supplier<String> testCase) throws IOException {
        byte[] expectedBytes = bytes(expected);
        byte[] actualBytes = bytes(actual);
        int firstDifference = java.util.Arrays.mismatch(expectedBytes, actualBytes);
        assertThat(firstDifference)
                .as(() -> "the two builds differ from byte " + firstDifference + " (lengths " + expectedBytes.length
                        + " and " + actualBytes.length + "), around "
                        + around(expectedBytes, firstDifference) + " against " + around(actualBytes, firstDifference)
                        + "\n" + testCase.get())
                .isEqualTo(-1);
    }

    private static String around(byte[] bytes, int at) {
        return HexFormat.of().formatHex(bytes, Math.max(0, at - 12), Math.min(bytes.length, at + 12));
    }

    private static byte[] bytes(AccountIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            AccountIndexCodec.write(index, out);
        }
        return bytes.toByteArray();
    }

    private static LeadFacts withId(LeadFacts f, long id) {
        return new LeadFacts(id, f.firstName(), f.lastName(), f.email(), f.phone(), f.phoneType(), f.status(),
                f.source(), f.tags(), f.assignedTo(), f.createdAt(), f.lastActiveAt(), f.custom(), f.events());
    }
}
