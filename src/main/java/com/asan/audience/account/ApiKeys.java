package com.asan.audience.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and checks API keys of the form {@code aud_<accountId>_<secret>}. The account id in the key lets the
 * lookup use the account-leading index; only a SHA-256 of the key is stored (the secret has 190 random bits).
 */
@Component
class ApiKeys {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final AccountRepository repository;

    ApiKeys(AccountRepository repository) {
        this.repository = repository;
    }

    ApiKeyView create(long accountId, long memberId, String name) {
        StringBuilder secret = new StringBuilder("aud_").append(accountId).append('_');
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String key = secret.toString();
        long id = repository.insertApiKey(accountId, memberId, name, hash(key));
        return new ApiKeyView(id, name, OffsetDateTime.now(), null, key);
    }

    Optional<MemberPrincipal> authenticate(String key) {
        String[] parts = key.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("aud") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return repository.principalByApiKey(Long.parseLong(parts[1]), hash(key));
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
