package com.asan.audience.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public endpoint website forms post to. A browser form post is answered with a redirect to the form's
 * thank-you URL (when one is set) or a short thank-you page; a JSON post with JSON.
 */
@RestController
class FormSubmissionController {

    private final FormFacade forms;

    FormSubmissionController(FormFacade forms) {
        this.forms = forms;
    }

    @PostMapping(path = "/api/intake/forms/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submitJson(@PathVariable String key, @RequestBody Map<String, Object> body,
                                                   HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((name, value) -> fields.put(name, value == null ? null : String.valueOf(value)));
        forms.submit(key, request.getRemoteAddr(), fields);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "received"));
    }

    @PostMapping(path = "/api/intake/forms/{key}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> submitForm(@PathVariable String key, @RequestParam MultiValueMap<String, String> body,
                                      HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        FormFacade.Submission submission = forms.submit(key, request.getRemoteAddr(), fields);
        if (submission.redirectUrl() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(submission.redirectUrl())).build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<!doctype html><html><head><meta "
                + "charset=\"utf-8\"><title>Thank you</title></head><body><p>"
                + HtmlUtils.htmlEscape("Thank you! We received your details.") + "</p></body></html>");
    }
}
