package com.asan.audience.web;

import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.segment.SegmentSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** The segments a lead is in now, for the lead page. */
@Component
class LeadSegmentsLookup {

    private final SegmentFacade segments;

    LeadSegmentsLookup(SegmentFacade segments) {
        this.segments = segments;
    }

    List<SegmentSummary> segmentsOf(com.asan.audience.shared.TenantPrincipal caller, long leadId) {
        return segments.segmentsOf(caller, leadId);
    }
}
