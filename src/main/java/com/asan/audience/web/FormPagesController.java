package com.asan.audience.web;

import com.asan.audience.intake.FormFacade;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TenantPrincipal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Website forms: form keys, allowed origins, thank-you URL, and the HTML snippet for a site. */
@Controller
class FormPagesController {

    private final FormFacade forms;
    private final String publicUrl;

    FormPagesController(FormFacade forms, @Value("${audience.public-url}") String publicUrl) {
        this.forms = forms;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GetMapping("/settings/forms")
    String list(@AuthenticationPrincipal TenantPrincipal caller, Model model) {
        model.addAttribute("forms", forms.list(caller.accountId()));
        model.addAttribute("publicUrl", publicUrl);
        return "forms/list";
    }

    @PostMapping("/settings/forms")
    String create(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam String name,
                  @RequestParam(defaultValue = "") String origins, @RequestParam(defaultValue = "") String redirectUrl,
                  @RequestParam(defaultValue = "") String tags, Model model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("allowedOrigins", Arrays.stream(origins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList());
        json.put("redirectUrl", redirectUrl.isBlank() ? null : redirectUrl.strip());
        json.put("tags", Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        try {
            forms.create(caller, json);
            return "redirect:/settings/forms";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return list(caller, model);
        }
    }

    @PostMapping("/settings/forms/{key}/delete")
    String delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key) {
        forms.delete(caller, key);
        return "redirect:/settings/forms";
    }
}
