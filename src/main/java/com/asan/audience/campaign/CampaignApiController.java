package com.asan.audience.campaign;

import com.asan.audience.lead.EngagementFacade;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TenantPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and email engagement events over REST. */
@RestController
@RequestMapping("/api")
class CampaignApiController {

    private final CampaignFacade campaigns;

    CampaignApiController(CampaignFacade campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@AuthenticationPrincipal TenantPrincipal caller,
                        @RequestBody CampaignFacade.HistoricalCampaign body) {
        return campaigns.recordSent(caller.accountId(), body);
    }

    @GetMapping("/campaigns")
    List<CampaignView> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return campaigns.list(caller.accountId());
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return campaigns.get(caller.accountId(), id);
    }

    @DeleteMapping("/campaigns/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        campaigns.delete(caller.accountId(), id);
    }

    record EventResults(List<EngagementFacade.ItemResult> results) {
    }

    @PostMapping("/email-events")
    EventResults events(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        if (body.size() != 1 || !(body.get("events") instanceof List<?> events)) {
            throw new InvalidInputException("events", "send {\"events\": [ ... ]}");
        }
        return new EventResults(campaigns.recordEvents(caller.accountId(), events));
    }
}
