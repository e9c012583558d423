package com.asan.audience.bench;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.Role;
import com.asan.audience.campaign.CampaignFacade;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.support.SharedApp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Baseline: latency of exact segment counts on PostgreSQL for the fixed 20-criteria mix, at each lead count given
 * in {@code -Dleads=100000,1000000}. Run: {@code MAVEN_OPTS=-Xmx4g ./mvnw -q test-compile exec:java -Dleads=...}.
 * Set {@code -Dexplain=true} to print each query's plan.
 */
public final class SegmentCountBench {

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("leads", "100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        boolean explain = Boolean.getBoolean("explain");
        String dataDir = System.getProperty("dataDir");
        if (dataDir != null) {
            SharedApp.context("--audience.data-dir=" + dataDir);
        }
        try {
            for (int size : sizes) {
                run(size, explain);
            }
        } finally {
            SharedApp.close();
        }
    }

    private static void run(int size, boolean explain) throws Exception {
        AccountFacade accounts = SharedApp.bean(AccountFacade.class);
        JdbcTemplate jdbc = new JdbcTemplate(SharedApp.bean(DataSource.class));
        List<Long> reusable = jdbc.queryForList("select account_id from accounts where name = ? order by account_id desc",
                Long.class, "Bench " + size);
        long accountId;
        String apiKey;
        List<Long> agents = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        java.nio.file.Path keyFile = java.nio.file.Path.of(System.getProperty("dataDir", "."), "bench-" + size + ".key");
        if (!reusable.isEmpty() && System.getProperty("dataDir") != null && java.nio.file.Files.exists(keyFile)
                && jdbc.queryForObject("select count(*) from leads where account_id = ?", Long.class,
                reusable.get(0)) == size) {
            accountId = reusable.get(0);
            agents.addAll(jdbc.queryForList("select id from team_members where account_id = ? and role = 'agent' "
                    + "order by id", Long.class, accountId));
            apiKey = java.nio.file.Files.readString(keyFile);
            jdbc.update("delete from segments where account_id = ?", accountId);
            System.out.printf("%n=== reusing the %,d leads of account %d in %s%n", size, accountId,
                    System.getProperty("dataDir"));
        } else {
            var signUp = accounts.createAccount(new AccountFacade.SignUp("Bench " + size, "Bench",
                    "bench." + size + "." + System.nanoTime() + "@test.example", "secret-pass-1"));
            accountId = signUp.accountId();
            apiKey = signUp.apiKey();
            load(accounts, accountId, size, now, agents);
            if (System.getProperty("dataDir") != null) {
                java.nio.file.Files.writeString(keyFile, apiKey);
            }
        }
        LeadQueries queries = SharedApp.bean(LeadQueries.class);
        SegmentFacade segments = SharedApp.bean(SegmentFacade.class);
        EvaluationContext context = queries.contextNow(accountId);
        List<BenchCriteria.Named> mix = BenchCriteria.mix(LocalDate.ofInstant(now, ZoneOffset.UTC), agents.get(0),
                agents.get(1));
        int runs = size <= 100_000 ? 30 : size <= 1_000_000 ? 10 : 3;
        List<Double> pooled = new ArrayList<>();
        List<Double> pooledPreview = new ArrayList<>();
        double sumOfMedians = 0;
        System.out.printf("%-66s %12s %10s %10s %12s%n", "criteria", "count", "p50 ms", "p99 ms", "preview p50");
        for (BenchCriteria.Named named : Boolean.parseBoolean(System.getProperty("sql", "true")) ? mix
                : List.<BenchCriteria.Named>of()) {
            Group group = segments.parse(accountId, named.criteria());
            long count = 0;
            for (int i = 0; i < 2; i++) {
                count = queries.count(accountId, group, context);
            }
            double[] samples = new double[runs];
            double[] previewSamples = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                queries.count(accountId, group, context);
                samples[i] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                queries.count(accountId, group, context);
                queries.members(accountId, group, context, new com.asan.audience.shared.PageRequest(0, 10),
                        LeadQueries.MemberOrder.CREATED_DESC);
                previewSamples[i] = (System.nanoTime() - t1) / 1e6;
            }
            for (double s : samples) {
                pooled.add(s);
            }
            for (double s : previewSamples) {
                pooledPreview.add(s);
            }
            double p50 = percentile(samples, 50);
            sumOfMedians += p50;
            System.out.printf("%-66s %,12d %10.2f %10.2f %12.2f%n", named.name(), count, p50,
                    percentile(samples, 99), percentile(previewSamples, 50));
            if (Boolean.getBoolean("explain")) {
                explain(accountId, group, context);
            }
        }
        System.out.printf("ALL %,d leads: count p50 %.2f ms, p99 %.2f ms; sum of medians %.1f ms; preview (count + "
                        + "sample of 10) p50 %.2f ms, p99 %.2f ms%n", size, percentile(pooled, 50),
                percentile(pooled, 99), sumOfMedians, percentile(pooledPreview, 50), percentile(pooledPreview, 99));
        EngineBench.run(accountId, apiKey, size, mix, sumOfMedians);
    }

    private static void load(AccountFacade accounts, long accountId, int size, Instant now, List<Long> agents)
            throws Exception {
        for (int i = 0; i < 8; i++) {
            agents.add(accounts.seedMember(accountId, "Agent " + i, "agent" + i + "." + accountId + "@bench.example",
                    Role.AGENT).id());
        }
        CustomFieldFacade fields = SharedApp.bean(CustomFieldFacade.class);
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("city", "City", "text", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("budget", "Budget", "number", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("pre_approved", "Pre-approved", "boolean", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("move_in_date", "Move-in", "date", null));
        fields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft("property_type", "Type", "select",
                Arrays.asList(BenchLeadLoader.PROPERTY)));
        CampaignFacade campaignFacade = SharedApp.bean(CampaignFacade.class);
        List<Long> campaigns = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            campaigns.add(campaignFacade.recordSent(new SystemCaller(accountId), new CampaignFacade.HistoricalCampaign("Newsletter " + c,
                    now.minus(Duration.ofDays((5 - c) * 7L)).toString())).id());
        }
        long started = System.nanoTime();
        new BenchLeadLoader(SharedApp.bean(DataSource.class)).load(accountId, size, now, agents, campaigns);
        System.out.printf("%n=== %,d leads loaded in %.1f s (COPY + ANALYZE)%n", size,
                (System.nanoTime() - started) / 1e9);

    }

    private static void explain(long accountId, Group group, EvaluationContext context) {
        var db = SharedApp.bean(org.jooq.DSLContext.class);
        String sql = db.renderInlined(db.selectCount().from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("leads")).as("l"))
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("l", "account_id")).eq(accountId))
                .and(countCondition(group, context)));
        new JdbcTemplate(SharedApp.bean(DataSource.class)).queryForList("explain " + sql, String.class)
                .forEach(line -> System.out.println("    " + line));
    }

    private static org.jooq.Condition countCondition(Group group, EvaluationContext context) {
        try {
            var method = Class.forName("com.asan.audience.lead.CriteriaSql")
                    .getDeclaredMethod("compile", com.asan.audience.criteria.Criterion.class, EvaluationContext.class);
            method.setAccessible(true);
            return (org.jooq.Condition) method.invoke(null, group, context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static double percentile(double[] samples, int p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double percentile(List<Double> samples, int p) {
        double[] values = new double[samples.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = samples.get(i);
        }
        return percentile(values, p);
    }
}
