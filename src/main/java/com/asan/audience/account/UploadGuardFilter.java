package com.asan.audience.account;

import com.asan.audience.shared.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages take a multipart body (a CSV upload) only from a signed-in member who may import: anyone else's is refused
 * before any filter reads it (the CSRF check reads a form's fields, which parses the whole upload). The REST API
 * reads uploads in the import facade, after its permission check.
 */
class UploadGuardFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
                && member.has(Permission.LEADS_IMPORT)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Connection", "close"); // the body is not read
        response.sendError(authentication != null && authentication.getPrincipal() instanceof MemberPrincipal
                ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
    }
}
