package com.asan.audience.campaign;

import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes a campaign's recipients from its segment as it is at this moment: minus the exclusion segments, minus
 * suppressed leads (unsubscribed, bounced, no email, the same address twice), each skip with its reason.
 */
@Component
class RecipientResolver {

    /** Receives each matched lead with its fate: status "pending", or "skipped" with a reason. */
    interface Sink {
        void accept(long leadId, String email, String status, String reason);
    }

    /** The criteria the list was computed from, stored with the campaign. */
    record Used(Map<String, Object> criteria) {
    }

    private final SegmentFacade segments;
    private final LeadQueries leads;

    RecipientResolver(SegmentFacade segments, LeadQueries leads) {
        this.segments = segments;
        this.leads = leads;
    }

    Used resolve(long accountId, CampaignView campaign, Sink sink) {
        SegmentFacade.SavedCriteria segment = segment(accountId, campaign.segmentId(), "segmentId");
        List<SegmentFacade.SavedCriteria> exclusions = new ArrayList<>();
        List<Group> exclusionCriteria = new ArrayList<>();
        for (int i = 0; i < campaign.excludeSegmentIds().size(); i++) {
            SegmentFacade.SavedCriteria excluded = segment(accountId, campaign.excludeSegmentIds().get(i),
                    "excludeSegmentIds[" + i + "]");
            exclusions.add(excluded);
            exclusionCriteria.add(excluded.criteria());
        }
        Group include = segment.criteria();
        EvaluationContext context = leads.contextNow(accountId);
        Map<String, Long> firstWithEmail = new HashMap<>();
        leads.forEachAddressee(accountId, include, exclusionCriteria, context, addressee -> {
            String email = addressee.email();
            if (addressee.excludedBy() >= 0) {
                sink.accept(addressee.leadId(), email, "skipped",
                        "excluded by segment '" + exclusions.get(addressee.excludedBy()).name() + "'");
            } else if (email == null) {
                sink.accept(addressee.leadId(), null, "skipped", "no email address");
            } else if (!addressee.emailStatus().equals("subscribed")) {
                sink.accept(addressee.leadId(), email, "skipped", addressee.emailStatus());
            } else {
                Long first = firstWithEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), addressee.leadId());
                if (first != null) {
                    sink.accept(addressee.leadId(), email, "skipped", "same email address as lead " + first);
                } else {
                    sink.accept(addressee.leadId(), email, "pending", null);
                }
            }
        });
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("segment", Map.of("id", segment.id(), "name", segment.name(), "criteria", segment.json()));
        used.put("exclusions", exclusions.stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                "criteria", s.json())).toList());
        used.put("evaluatedAt", context.now().toString());
        return new Used(used);
    }

    private SegmentFacade.SavedCriteria segment(long accountId, long id, String path) {
        try {
            return segments.savedCriteria(accountId, id);
        } catch (NotFoundException e) {
            throw new ConflictException(path, "Segment " + id + " no longer exists; choose another");
        }
    }
}
