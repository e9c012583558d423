package com.asan.audience.campaign;

import com.asan.audience.lead.LeadView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Personalises a campaign for one lead: merge tags, preheader, links through the click tracker, the open pixel,
 * and a footer with the sender's postal address and an unsubscribe link that is always present (CAN-SPAM, CASL),
 * plus the List-Unsubscribe headers of RFC 2369 and RFC 8058.
 */
@Component
class MessageRenderer {

    private final TrackingTokens tokens;
    private final String publicUrl;
    private final Map<String, String> textTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    MessageRenderer(TrackingTokens tokens, @Value("${audience.public-url}") String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    RenderedMessage render(long accountId, CampaignView campaign, LeadView lead, String postalAddress, boolean test) {
        String token = tokens.token(accountId, campaign.id(), lead.id());
        String unsubscribe = publicUrl + "/unsubscribe/" + token;
        String body = MergeTags.apply(campaign.html(), lead, HtmlUtils::htmlEscape);
        body = test ? body : trackLinks(body, token);
        String preheader = campaign.preheader() == null ? ""
                : "<div style=\"display:none;max-height:0;overflow:hidden\">"
                + HtmlUtils.htmlEscape(MergeTags.apply(campaign.preheader(), lead, s -> s)) + "</div>";
        String footer = "<div style=\"margin-top:24px;font-size:12px;color:#6b7280\">"
                + HtmlUtils.htmlEscape(postalAddress).replace("\n", "<br>")
                + "<br><a href=\"" + unsubscribe + "\">Unsubscribe</a></div>";
        String pixel = test ? "" : "<img src=\"" + publicUrl + "/t/o/" + token + ".gif\" width=\"1\" height=\"1\" alt=\"\">";
        String html = insertAfterBodyStart(body, preheader);
        html = insertBeforeBodyEnd(html, footer + pixel);
        String text = MergeTags.apply(textTemplate(campaign.html()), lead, s -> s)
                + "\n\n--\n" + postalAddress + "\nUnsubscribe: " + unsubscribe;
        String domain = campaign.fromEmail().substring(campaign.fromEmail().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<mailto:unsubscribe@" + domain + "?subject="
                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8) + ">, <" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String messageId = "<c" + campaign.id() + ".l" + lead.id() + (test ? ".test" + System.nanoTime() : "")
                + "." + token.substring(token.indexOf('.') + 1, token.indexOf('.') + 9) + "@" + domain + ">";
        String subject = MergeTags.apply(campaign.subject(), lead, s -> s);
        return new RenderedMessage(lead.id(), messageId, campaign.fromName(), campaign.fromEmail(), campaign.replyTo(),
                lead.email(), test ? "[Test] " + subject : subject, html, text, headers);
    }

    /** The plain-text form of a campaign's HTML, merge tags still in it: converted once per body, not per lead. */
    private String textTemplate(String html) {
        if (textTemplates.size() > 64) {
            textTemplates.clear();
        }
        return textTemplates.computeIfAbsent(html, HtmlText::of);
    }

    /** Web links go through the click tracker, signed with their normalised target; others stay as written. */
    private String trackLinks(String html, String token) {
        return HtmlLinks.rewrite(html, href -> Links.normalize(href)
                .map(target -> publicUrl + "/t/c/" + token + "?u=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                        + "&s=" + tokens.linkSignature(token, target))
                .orElse(null)); // not a link any client could open (refused at save unless a merge tag made it)
    }

    private static String insertAfterBodyStart(String html, String fragment) {
        Matcher body = Pattern.compile("(?i)<body[^>]*>").matcher(html);
        return body.find() ? html.substring(0, body.end()) + fragment + html.substring(body.end()) : fragment + html;
    }

    private static String insertBeforeBodyEnd(String html, String fragment) {
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + fragment : html.substring(0, end) + fragment + html.substring(end);
    }
}
