package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "audience.count-index.max-bytes=1")
class CountIndexEvictionTest extends ApiTestBase {

    @Autowired
    CountIndex index;

    @Test
    void leastRecentlyUsedAccountsAreEvictedBeyondTheCap() {
        TestAccount first = newAccount();
        TestAccount second = newAccount();
        first.api().post("/api/leads", Map.of("firstName", "A"));
        second.api().post("/api/leads", Map.of("firstName", "B"));
        index.warm(first.accountId()).join();
        assertThat(index.loaded()).contains(first.accountId());
        index.warm(second.accountId()).join();
        assertThat(index.loaded()).contains(second.accountId()).doesNotContain(first.accountId());
        assertThat(index.bytesOf(second.accountId())).isPositive();
        assertThat(first.api().post("/api/segments/preview", Map.of("criteria",
                Map.of("match", "all", "conditions", java.util.List.of()))).json().get("count").asLong())
                .as("an evicted account is still answered exactly").isEqualTo(1);
    }
}
