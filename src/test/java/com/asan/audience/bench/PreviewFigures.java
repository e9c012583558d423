package com.asan.audience.bench;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.countindex.CountIndex;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.support.Api;
import com.asan.audience.support.SharedApp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where the live preview's time goes: its steps one by one, and the preview from a lean HTTP client. */
final class PreviewFigures {

    private PreviewFigures() {
    }

    /** The same requests from a client that answers in its own thread, and the server's own mean time for them. */
    static void fromPlainClient(int port, String apiKey, int size, List<BenchCriteria.Named> mix) {
        List<String> bodies = mix.stream().map(named -> Api.JSON.writeValueAsString(Map.of("criteria",
                named.criteria()))).toList();
        MeterRegistry registry = SharedApp.bean(MeterRegistry.class);
        List<Double> preview = new ArrayList<>();
        List<Double> account = new ArrayList<>();
        double[] serverBefore = serverTime(registry, "/api/segments/preview");
        try (PlainHttpClient client = new PlainHttpClient(port, "Bearer " + apiKey)) {
            for (int i = 0; i < EngineBench.HTTP_WARM_UP + 400; i++) {
                long t0 = System.nanoTime();
                PlainHttpClient.Answer answer = client.postJson("/api/segments/preview", bodies.get(i % bodies.size()));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (answer.status() != 200) {
                    throw new IllegalStateException(answer.status() + " " + answer.body());
                }
                if (i >= EngineBench.HTTP_WARM_UP) {
                    preview.add(ms);
                }
            }
            for (int i = 0; i < EngineBench.HTTP_WARM_UP + 400; i++) {
                long t0 = System.nanoTime();
                if (client.get("/api/account").status() != 200) {
                    throw new IllegalStateException("GET /api/account failed");
                }
                if (i >= EngineBench.HTTP_WARM_UP) {
                    account.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        double[] serverAfter = serverTime(registry, "/api/segments/preview");
        System.out.printf("ENGINE %,d leads: preview over HTTP from a one-thread keep-alive client p50 %.2f ms, p99 "
                        + "%.2f ms (server's own mean %.2f ms); GET /api/account from it p50 %.2f ms%n", size,
                SegmentCountBench.percentile(preview, 50), SegmentCountBench.percentile(preview, 99),
                (serverAfter[1] - serverBefore[1]) / (serverAfter[0] - serverBefore[0]),
                SegmentCountBench.percentile(account, 50));
    }

    /** {count, total ms} of the server's request timer for one route. */
    private static double[] serverTime(MeterRegistry registry, String uri) {
        Timer timer = registry.find("http.server.requests").tag("uri", uri).timer();
        return timer == null ? new double[] {0, 0}
                : new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)};
    }

    /** The preview's steps one by one, medians over the mix: where the facade's time goes. */
    static void steps(long accountId, int size, List<BenchCriteria.Named> mix) {
        CountIndex index = SharedApp.bean(CountIndex.class);
        LeadQueries queries = SharedApp.bean(LeadQueries.class);
        SegmentFacade segments = SharedApp.bean(SegmentFacade.class);
        com.asan.audience.segment.SegmentMembers members = SharedApp.bean(com.asan.audience.segment.SegmentMembers.class);
        List<Double> parse = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        List<Double> sample = new ArrayList<>();
        List<Double> checkedPath = new ArrayList<>();
        List<Double> facadePath = new ArrayList<>();
        for (int i = 0; i < EngineBench.HTTP_WARM_UP + 400; i++) {
            BenchCriteria.Named named = mix.get(i % mix.size());
            long t0 = System.nanoTime();
            Group group = segments.parse(accountId, named.criteria());
            long t1 = System.nanoTime();
            CountIndex.IdPage newest = index.newestPage(accountId, group, queries.contextNow(accountId), 0,
                    com.asan.audience.segment.SegmentMembers.SAMPLE_SIZE);
            long t2 = System.nanoTime();
            queries.byIds(accountId, newest.ids());
            long t3 = System.nanoTime();
            members.preview(new SystemCaller(accountId), named.criteria());
            long t4 = System.nanoTime();
            if (i >= EngineBench.HTTP_WARM_UP) {
                parse.add((t1 - t0) / 1e6);
                page.add((t2 - t1) / 1e6);
                sample.add((t3 - t2) / 1e6);
                checkedPath.add((t3 - t0) / 1e6);
                facadePath.add((t4 - t3) / 1e6);
            }
        }
        System.out.printf("ENGINE %,d leads: preview steps, p50 over the mix: parse (custom fields when named) %.2f ms, "
                        + "count and newest ids (change-feed check, zone or last campaign when needed) %.2f ms, the "
                        + "10 leads %.2f ms%n", size, SegmentCountBench.percentile(parse, 50),
                SegmentCountBench.percentile(page, 50), SegmentCountBench.percentile(sample, 50));
        System.out.printf("ENGINE %,d leads: these steps together (change-feed check first) p50 %.2f ms; the facade's "
                        + "preview (the feed's version read with the sample) p50 %.2f ms, interleaved%n", size,
                SegmentCountBench.percentile(checkedPath, 50), SegmentCountBench.percentile(facadePath, 50));
    }
}
