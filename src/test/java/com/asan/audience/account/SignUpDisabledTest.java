package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "audience.signup-enabled=false")
class SignUpDisabledTest {

    @LocalServerPort
    int port;

    @Test
    void signUpIsForbidden() {
        Api.Response response = Api.anonymous(port).post("/api/accounts",
                Map.of("accountName", "A", "name", "B", "email", "c@d.example", "password", "secret-pass-1"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
