package com.asan.audience.web;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code can}: which permissions the signed-in member holds ({@code ${can.CAMPAIGNS_SEND}}), so pages
 * show only what the member's role may do. The facades still refuse what is not allowed.
 */
@ControllerAdvice(basePackageClasses = PermissionsModel.class)
class PermissionsModel {

    @ModelAttribute("can")
    Map<String, Boolean> can(@AuthenticationPrincipal TenantPrincipal caller) {
        Map<String, Boolean> can = new HashMap<>();
        for (Permission permission : Permission.values()) {
            can.put(permission.name(), caller != null && caller.has(permission));
        }
        return can;
    }

    @ModelAttribute("me")
    Long me(@AuthenticationPrincipal TenantPrincipal caller) {
        return caller == null ? null : caller.memberId();
    }
}
