package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes that collide on a unique key at the same moment: one wins, the others get 409, nothing is stored twice. */
class ConcurrentWritesTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private static List<Api.Response> atOnce(int n, IntFunction<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<Api.Response> responses, int created) {
        assertThat(responses).as(responses.toString()).allMatch(r -> r.status() == created || r.status() == 409);
        assertThat(responses.stream().filter(r -> r.status() == created)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .allMatch(r -> r.contentType().startsWith("application/problem+json"));
    }

    @Test
    void theSameLeadEmailTenTimesAtOnce() throws Exception {
        TestAccount account = newAccount();
        for (int round = 0; round < 3; round++) {
            String email = "race" + round + "." + System.nanoTime() + "@x.example";
            List<Api.Response> responses = atOnce(10, i -> account.api().post("/api/leads",
                    Map.of("email", email, "firstName", "R" + i)));
            assertOneWinner(responses, 201);
            assertThat(responses.stream().filter(r -> r.status() == 409))
                    .allMatch(r -> r.json().get("errors").get(0).get("path").asString().equals("email"));
            assertThat(jdbc.queryForObject("select count(*) from leads where account_id = ? and lower(email) = ?",
                    Long.class, account.accountId(), email)).isEqualTo(1);
        }
    }

    @Test
    void theSameSignUpEmailEightTimesAtOnce() throws Exception {
        String email = "signup.race." + System.nanoTime() + "@x.example";
        List<Api.Response> responses = atOnce(8, i -> signUpFrom("198.18.0." + (i + 1), Map.of("accountName",
                "Race " + i, "name", "R", "email", email, "password", "a-long-pass-phrase")));
        assertOneWinner(responses, 201);
        assertThat(jdbc.queryForObject("select count(*) from team_members where lower(email) = ?", Long.class, email))
                .isEqualTo(1);
    }

    @Test
    void theSameSegmentNameEightTimesAtOnce() throws Exception {
        TestAccount account = newAccount();
        String name = "Race " + System.nanoTime();
        List<Api.Response> responses = atOnce(8, i -> account.api().post("/api/segments", Map.of("name", name,
                "criteria", Map.of("match", "all", "conditions", List.of()))));
        assertOneWinner(responses, 201);
        assertThat(jdbc.queryForObject("select count(*) from segments where account_id = ? and name = ?", Long.class,
                account.accountId(), name)).isEqualTo(1);
    }

    @Test
    void theSameCustomFieldKeyEightTimesAtOnce() throws Exception {
        TestAccount account = newAccount();
        List<Api.Response> responses = atOnce(8, i -> account.api().post("/api/custom-fields", Map.of("key",
                "budget", "label", "Budget " + i, "type", "number")));
        assertOneWinner(responses, 201);
    }
}
