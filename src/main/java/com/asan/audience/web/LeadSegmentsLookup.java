package com.asan.audience.web;

import java.util.List;
import org.springframework.stereotype.Component;

/** The segments a lead is in now, for the lead page. Segments arrive with the segment module. */
@Component
class LeadSegmentsLookup {

    record SegmentLink(long id, String name) {
    }

    List<SegmentLink> segmentsOf(long accountId, long leadId) {
        return null;
    }
}
