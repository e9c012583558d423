package com.asan.audience.web;

import com.asan.audience.segment.SegmentMembers;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.segment.SegmentView;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Email Marketing → Audience: the segment list, the condition builder and the segment page. */
@Controller
class AudiencePagesController {

    private static final int MEMBERS_PAGE = 25;

    private final SegmentFacade segments;
    private final AccountFacade accounts;
    private final BuilderCatalog catalog;
    private final JsonMapper json;

    private final SegmentMembers members;

    AudiencePagesController(SegmentFacade segments, AccountFacade accounts, BuilderCatalog catalog, JsonMapper json,
                            SegmentMembers members) {
        this.members = members;
        this.segments = segments;
        this.accounts = accounts;
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping("/audience")
    String audience(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        model.addAttribute("segments", segments.list(caller));
        return "audience/list";
    }

    @GetMapping("/audience/segments/new")
    String newSegment(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        return builder(caller, model, null);
    }

    @GetMapping("/audience/segments/{id}/edit")
    String editSegment(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, Model model) {
        return builder(caller, model, segments.get(caller, id));
    }

    private String builder(TenantPrincipal caller, Model model, SegmentView segment) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", segment == null ? null : segment.id());
        state.put("name", segment == null ? "" : segment.name());
        state.put("description", segment == null || segment.description() == null ? "" : segment.description());
        state.put("criteria", segment == null ? null : segment.criteria());
        model.addAttribute("segment", segment);
        model.addAttribute("catalogJson", scriptSafe(json.writeValueAsString(catalog.forBuilder(caller.accountId()))));
        model.addAttribute("stateJson", scriptSafe(json.writeValueAsString(state)));
        return "audience/builder";
    }

    @GetMapping("/audience/segments/{id}")
    String segment(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "newest") String sort,
                   Model model) {
        long accountId = caller.accountId();
        SegmentFacade.Definition definition = segments.definition(accountId, id);
        LeadQueries.MemberOrder order = MemberSort.parse(sort);
        PageResult<LeadView> shown = members.members(caller, id, PageRequest.of(Math.max(0, page), MEMBERS_PAGE),
                order);
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("Status", breakdown(caller, id, LeadQueries.Breakdown.STATUS));
        breakdowns.put("Source", breakdown(caller, id, LeadQueries.Breakdown.SOURCE));
        breakdowns.put("Top 10 tags", breakdown(caller, id, LeadQueries.Breakdown.TAG));
        breakdowns.put("Assigned agent", agentNames(accountId, breakdown(caller, id, LeadQueries.Breakdown.AGENT)));
        breakdowns.put("Phone type", renameEmpty(breakdown(caller, id, LeadQueries.Breakdown.PHONE_TYPE), "no phone"));
        model.addAttribute("segment", definition);
        model.addAttribute("description", catalog.describer(accountId).describe(
                com.asan.audience.criteria.CriteriaParser.toJson(definition.criteria())));
        model.addAttribute("members", shown);
        model.addAttribute("sort", order.name().toLowerCase());
        model.addAttribute("lastPage", Math.max(0, (int) ((shown.total() - 1) / MEMBERS_PAGE)));
        model.addAttribute("breakdownsJson", scriptSafe(json.writeValueAsString(breakdowns)));
        return "audience/segment";
    }

    @PostMapping("/audience/segments/{id}/duplicate")
    String duplicate(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                     RedirectAttributes redirect) {
        SegmentView copy = segments.duplicate(caller, id);
        redirect.addFlashAttribute("notice", "Created “" + copy.name() + "”.");
        return "redirect:/audience";
    }

    @PostMapping("/audience/segments/{id}/delete")
    String delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, RedirectAttributes redirect) {
        String name = segments.get(caller, id).name();
        segments.delete(caller, id);
        redirect.addFlashAttribute("notice", "Deleted segment “" + name + "”. No lead was changed.");
        return "redirect:/audience";
    }

    /** Largest first, tags top 10. */
    private Map<String, Long> breakdown(TenantPrincipal caller, long id, LeadQueries.Breakdown by) {
        Map<String, Long> counts = members.breakdown(caller, id, by);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(by == LeadQueries.Breakdown.TAG ? 10 : Long.MAX_VALUE)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private Map<String, Long> agentNames(long accountId, Map<String, Long> byId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TeamMember member : accounts.members(accountId)) {
            names.put(String.valueOf(member.id()), member.name());
        }
        Map<String, Long> named = new LinkedHashMap<>();
        byId.forEach((id, count) -> named.merge(id.isEmpty() ? "Unassigned" : names.getOrDefault(id, "#" + id), count,
                Long::sum));
        return named;
    }

    private static Map<String, Long> renameEmpty(Map<String, Long> counts, String label) {
        Map<String, Long> renamed = new LinkedHashMap<>();
        counts.forEach((key, count) -> renamed.put(key.isEmpty() ? label : key, count));
        return renamed;
    }

    /** JSON placed inside a script element must not be able to close it. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static List<String> sorts() {
        return MemberSort.NAMES;
    }
}
