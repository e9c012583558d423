package com.asan.audience.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Signed identifiers for tracking and unsubscribe links: which account, campaign and lead a link belongs to, and
 * for clicks the target URL, so the redirect endpoint only ever sends people where the campaign linked.
 * The key lives in the database, shared by every instance.
 */
@Component
class TrackingTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    record Recipient(long accountId, long campaignId, long leadId) {
    }

    private final byte[] key;

    TrackingTokens(DSLContext db) {
        String secret = db.select(DSL.field("secret", String.class)).from(DSL.table("tracking_keys"))
                .where(DSL.field("id").eq(1)).fetchOne(0, String.class);
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    String token(long accountId, long campaignId, long leadId) {
        String payload = accountId + "." + campaignId + "." + leadId;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sign(payload);
    }

    Optional<Recipient> read(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            if (!matches(sign(payload), token.substring(dot + 1))) {
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
        return sign(token + "|" + url);
    }

    boolean linkMatches(String token, String url, String signature) {
        return signature != null && matches(linkSignature(token, url), signature);
    }

    private String sign(String payload) {
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
