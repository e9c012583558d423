package com.asan.audience.intake;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Website form settings over REST. */
@RestController
@RequestMapping("/api/forms")
class FormApiController {

    private final FormFacade forms;

    FormApiController(FormFacade forms) {
        this.forms = forms;
    }

    @GetMapping
    Map<String, List<FormView>> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return Map.of("items", forms.list(caller.accountId()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FormView create(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody Map<String, Object> body) {
        return forms.create(caller, body);
    }

    @GetMapping("/{key}")
    FormView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key) {
        return forms.get(caller.accountId(), key);
    }

    @PatchMapping("/{key}")
    FormView update(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key,
                    @RequestBody Map<String, Object> body) {
        return forms.update(caller, key, body);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String key) {
        forms.delete(caller, key);
    }
}
