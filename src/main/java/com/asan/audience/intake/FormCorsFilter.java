package com.asan.audience.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public form endpoint before any of a request's body is read: a post to an unknown form key is 404, a
 * body over {@value #MAX_BODY} bytes of any type is 413, one of unknown length 411. Then CORS, per form: only the
 * origins its account configured may post it, and only they get the Access-Control-Allow-Origin header. Requests
 * without an Origin (server to server) pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class FormCorsFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/intake/forms/";
    static final int MAX_BODY = 64 * 1024;

    private final FormFacade forms;

    FormCorsFilter(FormFacade forms) {
        this.forms = forms;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI().substring(PREFIX.length());
        String origin = request.getHeader("Origin");
        Optional<FormView> form = forms.byPublicKey(key);
        boolean allowed = form.isPresent() && FormFacade.originAllowed(form.get(), origin);
        if (origin != null) {
            response.addHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod())) {
            if (!allowed) {
                refuse(response, form.isPresent() ? 403 : 404, origin);
                return;
            }
            allowOrigin(response, origin);
            response.setHeader("Access-Control-Allow-Methods", "POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        if (form.isEmpty()) {
            problem(response, 404, "Form not found", "No form has this key");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_BODY) {
            problem(response, 413, "Request body too large", "Form submissions are limited to 64 KB");
            return;
        }
        if (length < 0) {
            problem(response, 411, "Length required", "Send the submission with a Content-Length of at most 64 KB");
            return;
        }
        if (origin != null && !allowed) {
            refuse(response, 403, origin);
            return;
        }
        if (allowed) {
            allowOrigin(response, origin);
        }
        chain.doFilter(request, response);
    }

    private static void allowOrigin(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin);
    }

    private static void refuse(HttpServletResponse response, int status, String origin) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        String detail = status == 404 ? "No form has this key"
                : "This form does not accept submissions from " + (origin == null ? "this origin" : origin);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 404 ? "Not found" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'").replace("\\", "/")
                + "\",\"errors\":[{\"path\":\"Origin\",\"message\":\"" + detail.replace("\"", "'").replace("\\", "/")
                + "\"}]}");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close"); // the body is not read: the connection cannot be reused
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":[]}");
    }
}
