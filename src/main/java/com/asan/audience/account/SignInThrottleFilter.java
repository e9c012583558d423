package com.asan.audience.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 before checking a password when the sign-in name and address are throttled. */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request);
        java.time.Duration wait = username == null ? java.time.Duration.ZERO
                : throttle.retryAfter(username, request.getRemoteAddr());
        if (!wait.isZero()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            if (request.getRequestURI().startsWith("/api/")) {
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\","
                        + "\"status\":429,\"errors\":[]}");
            } else {
                // the sign-in page again, with the 429 and a message
                request.getRequestDispatcher("/login?throttled").forward(request, response);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String username(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
