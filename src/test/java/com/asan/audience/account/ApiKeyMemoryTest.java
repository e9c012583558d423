package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.ApiTestBase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What another instance sees: a key revoked elsewhere works until this instance's memory of it expires. */
class ApiKeyMemoryTest extends ApiTestBase {

    @Autowired
    AccountRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aKeyRevokedElsewhereIsRefusedOnceRememberingExpires() {
        TestAccount account = newAccount();
        ApiKeys keys = new ApiKeys(repository, Duration.ofSeconds(5), nanos::get);
        ApiKeyView key = keys.create(account.accountId(), account.ownerId(), "elsewhere");
        assertThat(keys.authenticate(key.apiKey())).isPresent();

        revokeAsAnotherInstanceWould(account.accountId(), key.id());
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(keys.authenticate(key.apiKey())).isPresent();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(keys.authenticate(key.apiKey())).isEmpty();
    }

    @Test
    void withoutRememberingARevokedKeyIsRefusedAtOnce() {
        TestAccount account = newAccount();
        ApiKeys keys = new ApiKeys(repository, Duration.ZERO, nanos::get);
        ApiKeyView key = keys.create(account.accountId(), account.ownerId(), "elsewhere");
        assertThat(keys.authenticate(key.apiKey())).isPresent();
        revokeAsAnotherInstanceWould(account.accountId(), key.id());
        assertThat(keys.authenticate(key.apiKey())).isEmpty();
    }

    @Test
    void anUnknownKeyIsNeverRemembered() {
        TestAccount account = newAccount();
        ApiKeys keys = new ApiKeys(repository, Duration.ofSeconds(5), nanos::get);
        String guess = "aud_" + account.accountId() + "_" + "x".repeat(32);
        assertThat(keys.authenticate(guess)).isEmpty();
        jdbc.update("insert into api_keys (account_id, member_id, name, key_hash) values (?, ?, 'late', ?)",
                account.accountId(), account.ownerId(), ApiKeys.hash(guess));
        assertThat(keys.authenticate(guess)).isPresent();
    }

    private void revokeAsAnotherInstanceWould(long accountId, long keyId) {
        assertThat(jdbc.update("update api_keys set revoked_at = now() where account_id = ? and id = ?", accountId,
                keyId)).isEqualTo(1);
    }
}
