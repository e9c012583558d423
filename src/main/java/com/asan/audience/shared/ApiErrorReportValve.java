package com.asan.audience.shared;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error responses, for requests it refuses before the application sees them (a path whose
 * percent-encoding does not decode, such as {@code /api/leads/%FF}), as {@code application/problem+json} under
 * {@code /api/}; Tomcat's HTML page elsewhere. Responses the application wrote are left alone, as Tomcat's valve does.
 */
class ApiErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/api/") || response.getStatus() < 400 || response.getStatus() >= 500
                || response.getContentWritten() > 0 || !response.setErrorReported()) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String reason = response.getStatus() == 400 ? "the request's path or query could not be decoded"
                        : "the request was refused before it reached the API";
                writer.write("{\"type\":\"about:blank\",\"title\":\"Refused request\",\"status\":"
                        + response.getStatus() + ",\"detail\":\"path: " + reason + "\",\"errors\":[{\"path\":\"path\","
                        + "\"message\":\"" + reason + "\"}]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response was committed meanwhile: nothing more to say
        }
    }
}
