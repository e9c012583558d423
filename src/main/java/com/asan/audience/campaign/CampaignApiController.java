package com.asan.audience.campaign;

import com.asan.audience.lead.EngagementFacade;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and email engagement events over REST. */
@RestController
@RequestMapping("/api")
class CampaignApiController {

    private final CampaignFacade campaigns;
    private final CampaignSendFacade sending;

    private final CampaignPreviewFacade previews;

    CampaignApiController(CampaignFacade campaigns, CampaignSendFacade sending, CampaignPreviewFacade previews) {
        this.previews = previews;
        this.campaigns = campaigns;
        this.sending = sending;
    }

    /** A body with {@code sentAt} records a campaign sent elsewhere; otherwise it creates a draft to send. */
    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        if (body.containsKey("sentAt")) {
            if (!body.keySet().stream().allMatch(key -> key.equals("name") || key.equals("sentAt"))) {
                throw new InvalidInputException("sentAt", "a historical campaign takes only name and sentAt");
            }
            return campaigns.recordSent(caller, new CampaignFacade.HistoricalCampaign(
                    body.get("name") instanceof String n ? n : null, body.get("sentAt") instanceof String t ? t : null));
        }
        return sending.createDraft(caller, body);
    }

    @PutMapping("/campaigns/{id}")
    CampaignView replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                         @RequestBody Map<String, Object> body) {
        return sending.replace(caller, id, body);
    }

    @PostMapping("/campaigns/{id}/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CampaignView send(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return sending.sendNow(caller, id);
    }

    @PostMapping("/campaigns/{id}/schedule")
    CampaignView schedule(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                          @RequestBody Map<String, Object> body) {
        return sending.schedule(caller, id, body);
    }

    @PostMapping("/campaigns/{id}/resend-interrupted")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CampaignView resendInterrupted(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return sending.resendInterrupted(caller, id);
    }

    @PostMapping("/campaigns/{id}/cancel")
    CampaignView cancel(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return sending.cancel(caller, id);
    }

    @PostMapping("/campaigns/{id}/test")
    Map<String, Object> test(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                             @RequestBody Map<String, Object> body) {
        return previews.sendTest(caller.accountId(), id, body);
    }

    @GetMapping("/campaigns/{id}/audience")
    Map<String, Object> audience(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return previews.audience(caller.accountId(), id);
    }

    @GetMapping("/campaigns/{id}/recipients")
    PageResult<RecipientView> recipients(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        return sending.recipients(caller.accountId(), id, status, PageRequest.of(page, size));
    }

    @GetMapping("/campaigns")
    List<CampaignView> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return campaigns.list(caller.accountId());
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return sending.get(caller.accountId(), id);
    }

    @DeleteMapping("/campaigns/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        campaigns.delete(caller, id);
    }

    record EventResults(List<EngagementFacade.ItemResult> results) {
    }

    @PostMapping("/email-events")
    EventResults events(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        if (body.size() != 1 || !(body.get("events") instanceof List<?> events)) {
            throw new InvalidInputException("events", "send {\"events\": [ ... ]}");
        }
        return new EventResults(campaigns.recordEvents(caller, events));
    }
}
