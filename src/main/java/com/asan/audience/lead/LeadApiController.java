package com.asan.audience.lead;

import com.asan.audience.criteria.CustomFieldDefinition;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leads, tags and custom field definitions over REST. */
@RestController
@RequestMapping("/api")
class LeadApiController {

    private final LeadFacade leads;
    private final LeadBatchImporter batch;
    private final TagFacade tags;
    private final CustomFieldFacade customFields;

    LeadApiController(LeadFacade leads, LeadBatchImporter batch, TagFacade tags, CustomFieldFacade customFields) {
        this.leads = leads;
        this.batch = batch;
        this.tags = tags;
        this.customFields = customFields;
    }

    @PostMapping("/leads")
    @ResponseStatus(HttpStatus.CREATED)
    LeadView create(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        return leads.create(caller, body, "API");
    }

    record BatchResponse(List<LeadBatchImporter.ItemResult> results) {
    }

    @PostMapping("/leads/batch")
    BatchResponse createBatch(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        if (body.size() != 1 || !(body.get("leads") instanceof List<?> items)) {
            throw new InvalidInputException("leads", "send {\"leads\": [ ... ]} with at most 1000 leads");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) items;
        return new BatchResponse(batch.createAll(caller, list, "API"));
    }

    @GetMapping("/leads")
    PageResult<LeadView> list(@AuthenticationPrincipal TenantPrincipal caller,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String q) {
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        if (q != null && q.indexOf('\0') >= 0) {
            throw new InvalidInputException("q", "must not contain the character U+0000");
        }
        return leads.list(caller, q, PageRequest.of(page, size));
    }

    @GetMapping("/leads/{id}")
    LeadView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return leads.get(caller, id);
    }

    @PatchMapping("/leads/{id}")
    LeadView update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                    @RequestBody Map<String, Object> body) {
        return leads.update(caller, id, body);
    }

    @DeleteMapping("/leads/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        leads.delete(caller, id);
    }

    @GetMapping("/tags")
    List<TagUsage> tags(@AuthenticationPrincipal TenantPrincipal caller) {
        return tags.tags(caller.accountId());
    }

    record TagRename(String name) {
    }

    @PatchMapping("/tags/{id}")
    TagUsage renameTag(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                       @RequestBody TagRename body) {
        return tags.rename(caller, id, body.name());
    }

    @DeleteMapping("/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTag(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        tags.delete(caller, id);
    }

    record CustomFieldView(String key, String label, String type, List<String> options) {
        static CustomFieldView of(CustomFieldDefinition field) {
            return new CustomFieldView(field.key(), field.label(), field.type().wire(), field.options());
        }
    }

    @GetMapping("/custom-fields")
    List<CustomFieldView> customFields(@AuthenticationPrincipal TenantPrincipal caller) {
        return customFields.fields(caller.accountId()).stream().map(CustomFieldView::of).toList();
    }

    @PostMapping("/custom-fields")
    @ResponseStatus(HttpStatus.CREATED)
    CustomFieldView createField(@AuthenticationPrincipal TenantPrincipal caller,
                                @RequestBody CustomFieldFacade.FieldDraft body) {
        return CustomFieldView.of(customFields.create(caller, body));
    }

    @PatchMapping("/custom-fields/{key}")
    CustomFieldView changeField(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key,
                                @RequestBody CustomFieldFacade.FieldDraft body) {
        return CustomFieldView.of(customFields.change(caller, key, body));
    }

    @DeleteMapping("/custom-fields/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteField(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key) {
        customFields.delete(caller, key);
    }
}
