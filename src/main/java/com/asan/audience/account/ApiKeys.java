package com.asan.audience.account;

import com.asan.audience.shared.AfterCommit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and checks API keys of the form {@code aud_<accountId>_<secret>}. The account id in the key lets the
 * lookup use the account-leading index; only a SHA-256 of the key is stored (the secret has 190 random bits).
 *
 * <p>A key that authenticated is remembered for {@code audience.api-keys.remember} (5 s by default; 0 turns it off)
 * so that a client's burst of calls costs one lookup, not one per call. Revoking a key or changing or removing a
 * member forgets the account's keys on this instance once committed; another instance may accept the old key or
 * role until its memory of it expires.
 */
@Component
class ApiKeys {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final AccountRepository repository;
    private final boolean remembers;
    /** By key hash; beyond {@value #MAX_REMEMBERED} Caffeine evicts the least used. */
    private final Cache<String, MemberPrincipal> remembered;

    @Autowired
    ApiKeys(AccountRepository repository, ApiKeyProperties properties) {
        this(repository, properties.remember(), System::nanoTime);
    }

    ApiKeys(AccountRepository repository, Duration remember, LongSupplier nanoTime) {
        this.repository = repository;
        this.remembers = remember.toNanos() > 0;
        this.remembered = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(remembers ? remember : Duration.ofNanos(1)).ticker(nanoTime::getAsLong)
                .executor(Runnable::run).build();
    }

    ApiKeyView create(long accountId, long memberId, String name) {
        StringBuilder secret = new StringBuilder("aud_").append(accountId).append('_');
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String key = secret.toString();
        long id = repository.insertApiKey(accountId, memberId, name, hash(key));
        return new ApiKeyView(id, name, memberId, OffsetDateTime.now(), null, key);
    }

    Optional<MemberPrincipal> authenticate(String key) {
        String[] parts = key.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("aud") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        String hash = hash(key);
        MemberPrincipal known = remembered.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MemberPrincipal> principal = repository.principalByApiKey(Long.parseLong(parts[1]), hash);
        if (principal.isPresent() && remembers) {
            remembered.put(hash, principal.get());
        }
        return principal;
    }

    /** Forgets the account's remembered keys once the current transaction commits (a key or a member changed). */
    void forgetAccountAfterCommit(long accountId) {
        AfterCommit.run(() -> remembered.asMap().values().removeIf(principal -> principal.accountId() == accountId));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
