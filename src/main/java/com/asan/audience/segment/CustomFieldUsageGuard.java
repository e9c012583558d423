package com.asan.audience.segment;

import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.InvalidCriteriaException;
import com.asan.audience.lead.CustomFieldsChanged;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.shared.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a custom field change (delete, retype, options) that would break a saved segment. It runs inside the
 * change's transaction, so throwing rolls the change back and the caller gets a 409 naming the segments.
 */
@Component
class CustomFieldUsageGuard {

    private final SegmentRepository segments;
    private final CriteriaJson json;
    private final LeadQueries leads;

    CustomFieldUsageGuard(SegmentRepository segments, CriteriaJson json, LeadQueries leads) {
        this.segments = segments;
        this.json = json;
        this.leads = leads;
    }

    @EventListener
    void onCustomFieldsChanged(CustomFieldsChanged event) {
        CriteriaParser parser = leads.parser(event.accountId());
        List<String> broken = new ArrayList<>();
        for (SegmentRepository.StoredSegment segment : segments.all(event.accountId())) {
            try {
                parser.parse(json.read(segment.criteria()), "criteria");
            } catch (InvalidCriteriaException e) {
                broken.add(segment.name());
            }
        }
        if (!broken.isEmpty()) {
            throw new ConflictException("key", "Segments use this field as it is: " + String.join(", ", broken),
                    Map.of("segments", broken));
        }
    }
}
