package com.asan.audience.segment;

import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Segments over REST, the live preview and the segments of a lead. */
@RestController
@RequestMapping("/api")
class SegmentApiController {

    private final SegmentFacade segments;
    private final SegmentMembers members;

    SegmentApiController(SegmentFacade segments, SegmentMembers members) {
        this.members = members;
        this.segments = segments;
    }

    @PostMapping("/segments")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        return segments.create(caller, SegmentDraft.fromJson(body));
    }

    @GetMapping("/segments")
    List<SegmentView> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return segments.list(caller);
    }

    @GetMapping("/segments/{id}")
    SegmentView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return segments.get(caller, id);
    }

    @PutMapping("/segments/{id}")
    SegmentView replace(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                        @RequestBody Map<String, Object> body) {
        return segments.replace(caller, id, SegmentDraft.fromJson(body));
    }

    @DeleteMapping("/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        segments.delete(caller, id);
    }

    @PostMapping("/segments/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView duplicate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return segments.duplicate(caller, id);
    }

    @GetMapping("/segments/{id}/leads")
    PageResult<LeadView> members(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(defaultValue = "newest") String sort) {
        return members.members(caller, id, PageRequest.of(page, size), order(sort));
    }

    @PostMapping("/segments/preview")
    SegmentMembers.Preview preview(@AuthenticationPrincipal TenantPrincipal caller,
                                  @RequestBody Map<String, Object> body) {
        if (!Set.of("criteria").containsAll(body.keySet())) {
            throw new InvalidInputException(body.keySet().stream().filter(k -> !k.equals("criteria")).findFirst()
                    .orElse(""), "unknown field");
        }
        return members.preview(caller, body.get("criteria"));
    }

    @GetMapping("/leads/{id}/segments")
    List<SegmentSummary> segmentsOfLead(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return segments.segmentsOf(caller, id); // 404 for a lead the caller may not see
    }

    static LeadQueries.MemberOrder order(String sort) {
        return Arrays.stream(LeadQueries.MemberOrder.values())
                .filter(order -> order.name().equalsIgnoreCase(sort)).findFirst()
                .orElseThrow(() -> new InvalidInputException("sort", "must be one of newest, created_desc, "
                        + "created_asc, name_asc, name_desc, status_asc, last_active_desc"));
    }
}
