package com.asan.audience.web;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.intake.ImportFacade;
import com.asan.audience.intake.ImportPreview;
import com.asan.audience.intake.ImportView;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TenantPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import com.asan.audience.intake.RequestFile;

/** Leads → Import: upload a CSV, map its columns, then watch the progress and read the summary. */
@Controller
class ImportPagesController {

    static final Map<String, String> TARGET_LABELS = labels();

    private final ImportFacade imports;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;

    ImportPagesController(ImportFacade imports, CustomFieldFacade customFields, AccountFacade accounts) {
        this.imports = imports;
        this.customFields = customFields;
        this.accounts = accounts;
    }

    @GetMapping("/leads/import")
    String start(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        model.addAttribute("recent", imports.recent(caller.accountId()));
        return "imports/upload";
    }

    @PostMapping("/leads/import")
    String upload(@AuthenticationPrincipal TenantPrincipal caller, MultipartHttpServletRequest request,
                  Model model) throws IOException {
        try {
            ImportView view = imports.upload(caller, new RequestFile(request));
            return "redirect:/leads/import/" + view.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return start(caller, model);
        }
    }

    @GetMapping("/leads/import/{id}")
    String show(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, Model model) {
        ImportView view = imports.get(caller.accountId(), id);
        model.addAttribute("job", view);
        if (!view.status().equals("uploaded")) {
            return "imports/progress";
        }
        ImportPreview preview = imports.preview(caller.accountId(), id);
        Map<String, String> targets = new LinkedHashMap<>(TARGET_LABELS);
        for (CustomFieldDefinition field : customFields.fields(caller.accountId())) {
            targets.put("custom." + field.key(), field.label() + " (custom field)");
        }
        model.addAttribute("preview", preview);
        model.addAttribute("targets", targets);
        model.addAttribute("members", accounts.members(caller.accountId()));
        model.addAttribute("types", List.of("text", "number", "date", "boolean", "select"));
        return "imports/mapping";
    }

    /** The mapping form posts one target per column index; "new" creates a custom field with the given key. */
    @PostMapping("/leads/import/{id}/start")
    String begin(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                 @RequestParam Map<String, String> form, Model model) {
        ImportPreview preview = imports.preview(caller.accountId(), id);
        Map<String, Object> mapping = new LinkedHashMap<>();
        List<Map<String, Object>> newFields = new ArrayList<>();
        Map<String, Object> valueMaps = new LinkedHashMap<>();
        for (int i = 0; i < preview.columns().size(); i++) {
            String column = preview.columns().get(i).name();
            String target = form.getOrDefault("target" + i, "");
            if (target.equals("new")) {
                newFields.add(Map.of("column", column, "key", form.getOrDefault("newKey" + i, ""),
                        "label", column, "type", form.getOrDefault("newType" + i, "text")));
            }
            mapping.put(column, target.isEmpty() || target.equals("new") ? null : target);
            Map<String, String> values = parseValueMap(form.getOrDefault("values" + i, ""));
            if (!values.isEmpty()) {
                valueMaps.put(column, values);
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mapping", mapping);
        options.put("newCustomFields", newFields);
        options.put("valueMaps", valueMaps);
        options.put("duplicates", form.getOrDefault("duplicates", "skip"));
        options.put("tagSeparator", form.getOrDefault("tagSeparator", ",").isEmpty() ? "," : form.get("tagSeparator"));
        options.put("addTags", Arrays.stream(form.getOrDefault("addTags", "").split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList());
        String assignTo = form.getOrDefault("assignTo", "");
        if (assignTo.matches("\\d{1,18}")) {
            options.put("assignTo", Long.parseLong(assignTo));
        }
        try {
            imports.start(caller, id, options);
            return "redirect:/leads/import/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return show(caller, id, model);
        }
    }

    @GetMapping("/leads/import/{id}/progress")
    String progress(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, Model model) {
        model.addAttribute("job", imports.get(caller.accountId(), id));
        return "imports/progress :: status";
    }

    @GetMapping("/leads/import/{id}/errors.csv")
    void errors(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        imports.get(caller.accountId(), id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        imports.writeErrors(caller.accountId(), id, response.getWriter());
    }

    /** Lines such as "yes = Hot". */
    private static Map<String, String> parseValueMap(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("email", "Email");
        labels.put("firstName", "First name");
        labels.put("lastName", "Last name");
        labels.put("fullName", "Full name (split into first and last)");
        labels.put("phone", "Phone");
        labels.put("phoneType", "Phone type (mobile / landline)");
        labels.put("status", "Status");
        labels.put("tags", "Tags");
        labels.put("assignedTo", "Assigned agent (email)");
        labels.put("createdAt", "Created date");
        return labels;
    }
}
