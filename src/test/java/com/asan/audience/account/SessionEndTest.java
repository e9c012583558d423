package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.SecondInstance;
import com.asan.audience.support.WebSession;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browser sessions live in PostgreSQL: one signed in on this instance works on a second one, and removing the member,
 * changing their role or password, or signing out everywhere ends it on both at its next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndTest extends ApiTestBase {

    @Autowired
    HikariDataSource dataSource;

    private SecondInstance.Started second;
    private TestAccount account;

    @BeforeAll
    void startSecondInstance() throws Exception {
        second = SecondInstance.start(dataSource.getJdbcUrl()).drained();
        account = newAccount();
        second.awaitHealthy();
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.process().destroyForcibly();
        }
    }

    private record Signed(long id, String email, String password, WebSession here, WebSession there) {
    }

    private Signed agentSignedIn() {
        String email = "agent." + System.nanoTime() + "@test.example";
        long id = account.api().post("/api/team-members", Map.of("name", "Agent", "email", email, "role", "agent",
                "password", "quiet-meadow-long")).id();
        WebSession here = WebSession.signIn(port, email, "quiet-meadow-long");
        WebSession there = here.on(second.port());
        assertThat(here.get("/leads").status()).isEqualTo(200);
        assertThat(there.get("/leads").status()).as("the session is shared by the second instance").isEqualTo(200);
        return new Signed(id, email, "quiet-meadow-long", here, there);
    }

    private static void assertEnded(WebSession session) {
        Api.Response page = session.get("/audience");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/login");
        assertThat(page.body()).doesNotContain("Segment");
        Api.Response json = session.sendJson("POST", "/audience/api/preview", Map.of("criteria",
                Map.of("match", "all", "conditions", java.util.List.of())));
        assertThat(json.status()).isIn(302, 401, 403);
        assertThat(json.body()).doesNotContain("\"count\"");
    }

    @Test
    void removingAMemberEndsTheirSessionsOnEveryInstance() {
        Signed agent = agentSignedIn();
        assertThat(account.api().delete("/api/team-members/" + agent.id()).status()).isEqualTo(204);
        assertEnded(agent.there());
        assertEnded(agent.here());
    }

    @Test
    void changingAPasswordEndsTheOldSessions() {
        Signed agent = agentSignedIn();
        assertThat(account.api().patch("/api/team-members/" + agent.id(), Map.of("password", "another-long-pass"))
                .status()).isEqualTo(200);
        assertEnded(agent.here());
        assertEnded(agent.there());
        assertThat(WebSession.signIn(port, agent.email(), "another-long-pass").get("/leads").status()).isEqualTo(200);
    }

    @Test
    void changingARoleEndsTheOldSessions() {
        Signed agent = agentSignedIn();
        assertThat(account.api().patch("/api/team-members/" + agent.id(), Map.of("role", "admin")).status())
                .isEqualTo(200);
        assertEnded(agent.there());
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheMember() {
        Signed agent = agentSignedIn();
        WebSession other = WebSession.signIn(second.port(), agent.email(), agent.password());
        assertThat(agent.here().postForm("/sign-out-everywhere", Map.of()).status()).isEqualTo(302);
        assertEnded(agent.there());
        assertEnded(other);
    }

    @Test
    void anUnrelatedChangeLeavesSessionsAlone() {
        Signed agent = agentSignedIn();
        assertThat(account.api().patch("/api/team-members/" + agent.id(), Map.of("name", "Renamed")).status())
                .isEqualTo(200);
        assertThat(agent.there().get("/leads").status()).isEqualTo(200);
    }
}
