package com.asan.audience.web;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.criteria.Vocabulary;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.LeadFacade;
import com.asan.audience.lead.LeadView;
import com.asan.audience.lead.TagFacade;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Leads list (paged, searchable) and the lead page where status, tags and assignment change. */
@Controller
class LeadPagesController {

    private static final int PAGE_SIZE = 25;

    private final LeadFacade leads;
    private final TagFacade tags;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;
    private final LeadSegmentsLookup segments;

    LeadPagesController(LeadFacade leads, TagFacade tags, CustomFieldFacade customFields, AccountFacade accounts,
                        LeadSegmentsLookup segments) {
        this.leads = leads;
        this.tags = tags;
        this.customFields = customFields;
        this.accounts = accounts;
        this.segments = segments;
    }

    @GetMapping("/leads")
    String list(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null ? null : q.substring(0, Math.min(q.length(), 200));
        PageResult<LeadView> result = leads.list(caller, query, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("q", query);
        model.addAttribute("lastPage", Math.max(0, (int) ((result.total() - 1) / PAGE_SIZE)));
        return "leads/list";
    }

    @GetMapping("/leads/{id}")
    String detail(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, Model model) {
        model.addAttribute("lead", leads.get(caller, id));
        return detailPage(caller, id, model, Map.of());
    }

    @PostMapping("/leads/{id}")
    String update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                  @RequestParam String status, @RequestParam(defaultValue = "") String tags,
                  @RequestParam(defaultValue = "") String assignedTo, Model model, RedirectAttributes redirect) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", status);
        change.put("tags", Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        change.put("assignedTo", assignedTo.isBlank() ? null : parseId(assignedTo));
        try {
            leads.update(caller, id, change);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            for (FieldViolation v : e.violations()) {
                errors.putIfAbsent(v.path().replaceAll("\\[\\d+]$", ""), v.message());
            }
            model.addAttribute("lead", leads.get(caller, id));
            return detailPage(caller, id, model, errors);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/leads/" + id;
    }

    private String detailPage(TenantPrincipal caller, long id, Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("fields", customFields.fields(caller.accountId()));
        model.addAttribute("statuses", Vocabulary.STATUSES);
        model.addAttribute("allTags", tags.tags(caller.accountId()));
        model.addAttribute("members", accounts.members(caller.accountId()));
        model.addAttribute("segments", segments.segmentsOf(caller, id));
        return "leads/detail";
    }

    private static Long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("assignedTo", "is not a team member id");
        }
    }
}
