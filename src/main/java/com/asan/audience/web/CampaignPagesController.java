package com.asan.audience.web;

import com.asan.audience.campaign.CampaignPreviewFacade;
import com.asan.audience.campaign.CampaignFacade;
import com.asan.audience.campaign.CampaignSendFacade;
import com.asan.audience.campaign.CampaignView;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.TenantPrincipal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Campaigns: the list, the create/edit form with the live audience, test sends, sending, and the report. */
@Controller
class CampaignPagesController {

    private static final Set<String> EDITABLE = Set.of("draft", "scheduled");

    private final CampaignFacade campaigns;
    private final CampaignSendFacade sending;
    private final SegmentFacade segments;
    private final com.asan.audience.account.AccountFacade accounts;

    private final CampaignPreviewFacade previews;

    CampaignPagesController(CampaignFacade campaigns, CampaignSendFacade sending, SegmentFacade segments,
                            com.asan.audience.account.AccountFacade accounts, CampaignPreviewFacade previews) {
        this.previews = previews;
        this.campaigns = campaigns;
        this.sending = sending;
        this.segments = segments;
        this.accounts = accounts;
    }

    @GetMapping("/campaigns")
    String list(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        List<CampaignView> all = campaigns.list(caller.accountId()).stream()
                .map(c -> c.html() == null ? c : sending.get(caller.accountId(), c.id())).toList();
        model.addAttribute("campaigns", all);
        model.addAttribute("outbox", previews.deliversToOutbox());
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    String newForm(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        return form(caller, model, Map.of(), null);
    }

    @PostMapping("/campaigns")
    String create(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam Map<String, String> form,
                  @RequestParam(value = "excludeSegmentIds", required = false) List<Long> excluded, Model model) {
        try {
            CampaignView created = sending.createDraft(caller, json(form, excluded));
            return "redirect:/campaigns/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return form(caller, model, form, null);
        }
    }

    @GetMapping("/campaigns/{id}")
    String show(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        CampaignView campaign = sending.get(caller.accountId(), id);
        if (campaign.html() != null && EDITABLE.contains(campaign.status())) {
            return form(caller, model, Map.of(), campaign);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("pageTitle", campaign.name());
        model.addAttribute("status", status);
        if (campaign.html() != null) {
            model.addAttribute("recipients", sending.recipients(caller.accountId(), id,
                    status == null || status.isBlank() ? null : status, PageRequest.of(Math.max(0, page), 50)));
        }
        return "campaigns/report";
    }

    @PostMapping("/campaigns/{id}")
    String save(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                @RequestParam Map<String, String> form,
                @RequestParam(value = "excludeSegmentIds", required = false) List<Long> excluded, Model model) {
        CampaignView campaign = sending.get(caller.accountId(), id);
        try {
            sending.replace(caller, id, json(form, excluded));
            String action = form.getOrDefault("action", "save");
            if (action.equals("send")) {
                sending.sendNow(caller, id);
            } else if (action.equals("schedule")) {
                sending.schedule(caller, id, Map.of("sendAt", sendAt(caller, form.get("sendAt"))));
            } else if (action.equals("test")) {
                Map<String, Object> result = previews.sendTest(caller.accountId(), id, Map.of("email",
                        form.getOrDefault("testEmail", "")));
                model.addAttribute("notice", "Test " + result.get("status") + " to " + result.get("email")
                        + (Boolean.TRUE.equals(result.get("outbox")) ? " (written to the outbox folder)" : ""));
                return form(caller, model, Map.of(), sending.get(caller.accountId(), id));
            }
            return "redirect:/campaigns/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(new FieldViolation(e.path(), e.getMessage())));
        }
        return form(caller, model, form, campaign);
    }

    @PostMapping("/campaigns/{id}/resend-interrupted")
    String resendInterrupted(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        sending.resendInterrupted(caller, id);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/cancel")
    String cancel(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        sending.cancel(caller, id);
        return "redirect:/campaigns/" + id;
    }

    /** The live "N leads match now" of the form, for the segment choices not saved yet. */
    @GetMapping("/campaigns/audience")
    String audience(@AuthenticationPrincipal TenantPrincipal caller,
                    @RequestParam(required = false) Long segmentId,
                    @RequestParam(value = "excludeSegmentIds", required = false) List<Long> excluded, Model model) {
        try {
            model.addAttribute("audience", segmentId == null ? null
                    : previews.audienceFor(caller.accountId(), segmentId, excluded == null ? List.of() : excluded));
        } catch (ConflictException | NotFoundException e) {
            // a segment deleted since the form was drawn: say so in place of the count
            model.addAttribute("audience", null);
            model.addAttribute("audienceProblem", e.getMessage());
        }
        return "campaigns/form :: audience";
    }

    @GetMapping(value = "/campaigns/{id}/preview", produces = "text/html")
    @ResponseBody
    String preview(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                   jakarta.servlet.http.HttpServletResponse response) {
        // the campaign's HTML is written by users: shown on the app's own origin, it must never run a script or
        // reach the viewer's session (a sandbox without allow-scripts gives it a unique origin as well)
        response.setHeader("Content-Security-Policy", PREVIEW_POLICY);
        return previews.previewHtml(caller.accountId(), id);
    }

    static final String PREVIEW_POLICY = "sandbox; default-src 'none'; img-src * data:; style-src * 'unsafe-inline'; "
            + "font-src * data:; frame-ancestors 'self'";

    private String form(TenantPrincipal caller, Model model, Map<String, String> submitted, CampaignView campaign) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("pageTitle", campaign == null ? "New campaign" : campaign.name());
        model.addAttribute("segments", segments.list(caller));
        model.addAttribute("values", values(submitted, campaign));
        model.addAttribute("outbox", previews.deliversToOutbox());
        Long segmentId = campaign != null ? campaign.segmentId() : null;
        model.addAttribute("audience", segmentId == null ? null : previews.audienceFor(caller.accountId(), segmentId,
                campaign.excludeSegmentIds()));
        model.addAttribute("postalAddressSet", accounts.settings(caller.accountId()).postalAddress() != null);
        return "campaigns/form";
    }

    private static Map<String, Object> values(Map<String, String> submitted, CampaignView campaign) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (campaign != null) {
            values.put("name", campaign.name());
            values.put("subject", campaign.subject());
            values.put("preheader", campaign.preheader());
            values.put("fromName", campaign.fromName());
            values.put("fromEmail", campaign.fromEmail());
            values.put("replyTo", campaign.replyTo());
            values.put("html", campaign.html());
            values.put("segmentId", campaign.segmentId());
            values.put("excludeSegmentIds", campaign.excludeSegmentIds());
        }
        values.putAll(submitted);
        values.putIfAbsent("excludeSegmentIds", List.of());
        values.putIfAbsent("html", CampaignSendFacade.STARTER_HTML);
        return values;
    }

    private static Map<String, Object> json(Map<String, String> form, List<Long> excluded) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : List.of("name", "subject", "preheader", "fromName", "fromEmail", "replyTo", "html")) {
            String value = form.get(key);
            json.put(key, value == null || value.isBlank() ? null : value);
        }
        String segment = form.get("segmentId");
        json.put("segmentId", segment == null || !segment.matches("\\d{1,18}") ? null : Long.valueOf(segment));
        json.put("excludeSegmentIds", excluded == null ? List.of() : new ArrayList<>(excluded));
        return json;
    }

    private String sendAt(TenantPrincipal caller, String local) {
        try {
            ZoneId zone = ZoneId.of(accounts.settings(caller.accountId()).timeZone());
            return LocalDateTime.parse(local).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException("sendAt", "choose a date and time");
        }
    }
}
