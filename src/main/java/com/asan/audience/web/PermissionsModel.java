package com.asan.audience.web;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page {@code can}: which permissions the signed-in member holds ({@code ${can.CAMPAIGNS_SEND}}),
 * and {@code me}, their member id, so pages show only what the member's role may do. Added only when a view is
 * rendered: JSON answers (the builder's live preview among them) skip it. The facades still refuse what is not
 * allowed.
 */
@Configuration(proxyBeanMethods = false)
class PermissionsModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        TenantPrincipal caller = authentication != null && authentication.getPrincipal() instanceof TenantPrincipal p
                ? p : null;
        Map<String, Boolean> can = new HashMap<>();
        for (Permission permission : Permission.values()) {
            can.put(permission.name(), caller != null && caller.has(permission));
        }
        view.addObject("can", can);
        view.addObject("me", caller == null ? null : caller.memberId());
    }
}
