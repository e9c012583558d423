package com.asan.audience.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a browser session whose member was removed, or whose role, password or email changed, or who signed out
 * everywhere since it signed in: the session is invalidated and the request never reaches a page. Pages are sent to
 * the sign-in page; the builder's JSON calls get 401. One primary-key read per signed-in request.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private final AccountRepository repository;

    SessionValidityFilter(AccountRepository repository) {
        this.repository = repository;
    }

    /** Static files read no data: they cost no query, even when the browser sends its session cookie with them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.startsWith("/favicon.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member
                && !Objects.equals(repository.sessionVersion(member.accountId(), member.memberId()).orElse(null),
                member.sessionVersion())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            String accept = String.valueOf(request.getHeader("Accept"));
            if (request.getRequestURI().startsWith("/audience/api/") || accept.contains("application/json")
                    || request.getHeader("HX-Request") != null) {
                response.setStatus(401);
                response.setContentType("application/problem+json");
                response.setHeader("HX-Redirect", "/login?expired");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Your session has ended\","
                        + "\"status\":401,\"detail\":\"Sign in again\",\"errors\":[]}");
            } else {
                response.sendRedirect("/login?expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
