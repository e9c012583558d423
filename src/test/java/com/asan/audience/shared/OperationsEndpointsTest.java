package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.ApiTestBase;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends ApiTestBase {

    @Test
    void healthInfoMetricsAndOpenApiAreServed() {
        assertThat(anonymous().get("/actuator/health").body()).contains("\"UP\"");
        var owner = newAccount().api();
        assertThat(owner.get("/actuator/info").body()).contains("Asan Audience");
        assertThat(owner.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        var openApi = anonymous().get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/leads").contains("/api/team-members");
        var docs = openApi.json();
        assertThat(docs.get("info").get("title").asString()).isEqualTo("Asan Audience API");
        assertThat(docs.get("components").get("securitySchemes").get("apiKey").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.get("components").get("securitySchemes").get("basic").get("scheme").asString())
                .isEqualTo("basic");
        assertThat(docs.get("security").size()).isEqualTo(2);
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
