package com.asan.audience.campaign;

import com.asan.audience.shared.SystemCaller;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The public endpoints that links in campaign emails point to: the open pixel, the signed click redirect, and
 * unsubscribe (a confirmation page, and the RFC 8058 one-click POST). Each records an engagement event.
 */
@RestController
class TrackingController {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingTokens tokens;
    private final CampaignFacade campaigns;

    TrackingController(TrackingTokens tokens, CampaignFacade campaigns) {
        this.tokens = tokens;
        this.campaigns = campaigns;
    }

    @GetMapping("/t/o/{token}.gif")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        tokens.read(token).ifPresent(recipient -> record(recipient, "opened", null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF).body(PIXEL);
    }

    @GetMapping("/t/c/{token}")
    ResponseEntity<String> click(@PathVariable String token, @RequestParam("u") String url,
                                 @RequestParam(value = "s", required = false) String signature) {
        Optional<TrackingTokens.Recipient> recipient = tokens.read(token);
        // links are signed as ASCII URIs; ones signed before that may hold raw Unicode, encoded here
        Optional<String> target = Links.normalize(url);
        if (recipient.isEmpty() || !tokens.linkMatches(token, url, signature) || target.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "Broken link", "This link is not valid. It may have been changed.");
        }
        record(recipient.get(), "clicked", target.get());
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", target.get()).build();
    }

    @GetMapping("/unsubscribe/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        if (tokens.read(token).isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Link not valid", "This unsubscribe link is not valid.");
        }
        return page(HttpStatus.OK, "Unsubscribe", "Stop receiving these emails?</p><form method=\"post\">"
                + "<button type=\"submit\" id=\"unsubscribe\">Unsubscribe</button></form><p>");
    }

    /** The confirmation button, and mail clients' one-click POST (body List-Unsubscribe=One-Click). */
    @PostMapping("/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        Optional<TrackingTokens.Recipient> recipient = tokens.read(token);
        if (recipient.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Link not valid", "This unsubscribe link is not valid.");
        }
        record(recipient.get(), "unsubscribed", null);
        return page(HttpStatus.OK, "Unsubscribed", "You are unsubscribed and will not receive these emails again.");
    }

    private void record(TrackingTokens.Recipient recipient, String type, String url) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of("leadId", recipient.leadId(),
                "campaignId", recipient.campaignId(), "type", type,
                "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
        if (url != null) {
            event.put("url", url.length() > 2000 ? url.substring(0, 2000) : url);
        }
        campaigns.recordEvents(new SystemCaller(recipient.accountId()), List.of(event));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String bodyHtml) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                        + "content=\"width=device-width\"><title>" + HtmlUtils.htmlEscape(title) + "</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/public.css\"></head><body><h1>"
                        + HtmlUtils.htmlEscape(title) + "</h1><p>" + bodyHtml + "</p></body></html>");
    }
}
