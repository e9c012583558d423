package com.asan.audience.bench;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.support.Api;
import com.asan.audience.support.SharedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * {@code POST /api/leads/batch} throughput over HTTP: {@code -Dbatches=100} requests of 1,000 new leads each (email,
 * names, phone, status, source, two tags), one after the other from one client, after {@code -DwarmUp=10} batches
 * into another account; prints leads per second. Run:
 * {@code MAVEN_OPTS=-Xmx2g ./mvnw -q test-compile exec:java -Dbench.main=com.asan.audience.bench.BatchApiBench}.
 */
public final class BatchApiBench {

    private static final String[] STATUSES = {"Hot", "Warm", "Cold", "New", "Nurture"};
    private static final String[] TAGS = {"buyer", "seller", "investor", "vip", "open-house", "referral"};

    public static void main(String[] args) {
        int batches = Integer.getInteger("batches", 100);
        int warmUp = Integer.getInteger("warmUp", 10);
        int port = ((WebServerApplicationContext) SharedApp.context()).getWebServer().getPort();
        try {
            run(port, "warm-up", warmUp);
            run(port, "measured", batches);
        } finally {
            SharedApp.close();
        }
    }

    private static void run(int port, String label, int batches) {
        AccountFacade accounts = SharedApp.bean(AccountFacade.class);
        String key = accounts.createAccount(new AccountFacade.SignUp("Batch bench", "Bench",
                "batch.bench." + System.nanoTime() + "@test.example", "a-long-pass-phrase")).apiKey();
        Api api = Api.anonymous(port).withKey(key);
        Random random = new Random(7);
        long leads = 0;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> items = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                int n = b * 1000 + i;
                items.add(Map.of("email", "lead" + n + "@bench.example", "firstName", "First" + n,
                        "lastName", "Last" + (n % 997), "phone", String.format("+1 416 555 %04d", n % 10_000),
                        "status", STATUSES[random.nextInt(STATUSES.length)], "source", "Website",
                        "tags", List.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)])));
            }
            Api.Response response = api.post("/api/leads/batch", Map.of("leads", items));
            if (response.status() != 200) {
                throw new IllegalStateException("batch " + b + ": " + response);
            }
            int stored = 0;
            int i0 = 0;
            for (var result : response.json().get("results")) {
                if (result.has("id")) {
                    stored++;
                } else if (b == 0 && i0 < 1) {
                    System.out.println("not stored: " + result);
                    i0++;
                }
            }
            leads += stored;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d leads in %d batches of 1,000: %.2f s, %,.0f leads/s (target >= 8,000)%n", label,
                leads, batches, seconds, leads / seconds);
    }
}
