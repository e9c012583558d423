package com.asan.audience.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed identifiers for tracking and unsubscribe links: which account, campaign and lead a link belongs to, and
 * for clicks the target URL, so the redirect endpoint only ever sends people where the campaign linked.
 * The keys live in the database, shared by every instance ({@link TrackingKeys}); a token signed with a key that
 * was rotated out still verifies during its grace period.
 */
@Component
class TrackingTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    record Recipient(long accountId, long campaignId, long leadId) {
    }

    private final TrackingKeys keys;

    TrackingTokens(TrackingKeys keys) {
        this.keys = keys;
    }

    String token(long accountId, long campaignId, long leadId) {
        String payload = accountId + "." + campaignId + "." + leadId;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sign(keys.current().signing(),
                payload);
    }

    Optional<Recipient> read(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            if (!verifies(payload, token.substring(dot + 1))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            return Optional.of(new Recipient(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    String linkSignature(String token, String url) {
        return sign(keys.current().signing(), token + "|" + url);
    }

    boolean linkMatches(String token, String url, String signature) {
        return signature != null && verifies(token + "|" + url, signature);
    }

    /** Whether any key that still verifies signed the payload; the keys are re-read once if none did. */
    private boolean verifies(String payload, String signature) {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (byte[] key : keys.current().verifying()) {
                if (matches(sign(key, payload), signature)) {
                    return true;
                }
            }
            if (!keys.reloadIfStale()) {
                return false;
            }
        }
        return false;
    }

    private static String sign(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
