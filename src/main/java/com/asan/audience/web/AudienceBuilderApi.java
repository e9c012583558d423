package com.asan.audience.web;

import com.asan.audience.segment.SegmentMembers;
import com.asan.audience.segment.SegmentDraft;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.segment.SegmentView;
import com.asan.audience.shared.TenantPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints of the condition builder, behind the browser session and its CSRF token. They go through the same
 * segment facade and criteria model as the REST API, and answer problem+json with paths on bad input.
 */
@RestController
@RequestMapping("/audience/api")
class AudienceBuilderApi {

    private final SegmentFacade segments;

    private final SegmentMembers members;

    AudienceBuilderApi(SegmentFacade segments, SegmentMembers members) {
        this.members = members;
        this.segments = segments;
    }

    record SampleLead(long id, String name, String email, String status) {
    }

    record PreviewResponse(long count, List<SampleLead> sample) {
    }

    @PostMapping("/preview")
    PreviewResponse preview(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        SegmentMembers.Preview preview = members.preview(caller, body.get("criteria"));
        return new PreviewResponse(preview.count(), preview.sample().stream()
                .map(lead -> new SampleLead(lead.id(), lead.displayName(), lead.email(), lead.status())).toList());
    }

    @PostMapping("/segments")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        return segments.create(caller, SegmentDraft.fromJson(body));
    }

    @PutMapping("/segments/{id}")
    SegmentView replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                        @RequestBody Map<String, Object> body) {
        return segments.replace(caller, id, SegmentDraft.fromJson(body));
    }
}
