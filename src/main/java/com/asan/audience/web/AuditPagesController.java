package com.asan.audience.web;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.TenantPrincipal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → Audit log: who changed what, newest first, filtered by kind of change. */
@Controller
class AuditPagesController {

    static final List<String> FAMILIES = List.of("segment", "campaign", "custom-field", "tag", "team-member",
            "api-key", "form", "account", "import");

    private final AuditLog audit;

    AuditPagesController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/settings/audit")
    String list(@AuthenticationPrincipal TenantPrincipal caller, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) String type, Model model) {
        String family = type == null || type.isBlank() ? null : type;
        model.addAttribute("entries", audit.page(caller, family, PageRequest.of(page, 50)));
        model.addAttribute("families", FAMILIES);
        model.addAttribute("type", family);
        return "audit/list";
    }
}
