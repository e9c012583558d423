package com.asan.audience.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session over plain HTTP: a cookie jar, the sign-in form, and form posts with the CSRF token. */
public final class WebSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    private WebSession(String base) {
        this.base = base;
    }

    public static WebSession signIn(int port, String email, String password) {
        WebSession session = new WebSession("http://localhost:" + port);
        Api.Response login = session.get("/login");
        session.csrf = token(login.body());
        Api.Response answer = session.postForm("/login", Map.of("username", email, "password", password));
        if (answer.status() != 302 || String.valueOf(answer.header("Location")).contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.status() + " " + answer.header("Location"));
        }
        session.csrf = token(session.get("/leads").body());
        return session;
    }

    /** The same session (its cookies) against another instance, as behind a load balancer. */
    public WebSession on(int port) {
        WebSession other = new WebSession("http://localhost:" + port);
        http.cookieHandler().ifPresent(handler -> ((CookieManager) handler).getCookieStore().getCookies()
                .forEach(cookie -> ((CookieManager) other.http.cookieHandler().orElseThrow()).getCookieStore()
                        .add(URI.create(other.base), cookie)));
        other.csrf = csrf;
        return other;
    }

    private static String token(String page) {
        Matcher form = FORM_TOKEN.matcher(page);
        if (form.find()) {
            return form.group(1);
        }
        Matcher meta = META_TOKEN.matcher(page);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new IllegalStateException("no CSRF token on the page");
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form post with the session's CSRF token added. */
    public Api.Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart form post of one file, as the import page sends it (the CSRF token is a field). */
    public Api.Response postFile(String path, String fileName, byte[] content) {
        String boundary = "----web" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A JSON request as the builder's scripts send it (session cookie and CSRF header). */
    public Api.Response sendJson(String method, String path, Object body) {
        String text = body instanceof String s ? s : Api.JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).method(method, HttpRequest.BodyPublishers.ofString(text)));
    }

    private Api.Response send(HttpRequest.Builder request) {
        return Api.exchange(http, request.build());
    }
}
