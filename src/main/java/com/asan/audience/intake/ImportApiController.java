package com.asan.audience.intake;

import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TenantPrincipal;
import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports over REST. One step: {@code POST /api/imports} with the file and options. Two steps, as the UI
 * does: {@code POST /api/imports/uploads}, read the preview, then {@code POST /api/imports/{id}/start}.
 */
@RestController
@RequestMapping("/api/imports")
class ImportApiController {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ImportFacade imports;
    private final JsonMapper json;

    ImportApiController(ImportFacade imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportView importFile(@AuthenticationPrincipal TenantPrincipal caller, MultipartHttpServletRequest request)
            throws IOException {
        return imports.importFile(caller, new RequestFile(request),
                () -> parseOptions(request.getParameter("options")));
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportPreview upload(@AuthenticationPrincipal TenantPrincipal caller, MultipartHttpServletRequest request)
            throws IOException {
        ImportView view = imports.upload(caller, new RequestFile(request));
        return imports.preview(caller.accountId(), view.id());
    }

    @GetMapping("/{id}/preview")
    ImportPreview preview(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return imports.preview(caller.accountId(), id);
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportView start(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id,
                     @RequestBody(required = false) Map<String, Object> options) {
        return imports.start(caller, id, options);
    }

    @GetMapping
    Map<String, List<ImportView>> list(@AuthenticationPrincipal TenantPrincipal caller) {
        return Map.of("items", imports.recent(caller.accountId()));
    }

    @GetMapping("/{id}")
    ImportView get(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id) {
        return imports.get(caller.accountId(), id);
    }

    /** Written straight to the response (not async), so stateless API authentication covers the whole body. */
    @GetMapping("/{id}/errors")
    void errors(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        imports.get(caller.accountId(), id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"");
        imports.writeErrors(caller.accountId(), id, response.getWriter());
        response.getWriter().flush();
    }

    private Map<String, Object> parseOptions(String options) {
        if (options == null || options.isBlank()) {
            return null;
        }
        try {
            Object value = json.readValue(options, Object.class);
            if (value instanceof Map<?, ?>) {
                return json.readValue(options, MAP);
            }
        } catch (JacksonException e) {
            throw new InvalidInputException("options", "is not valid JSON: " + e.getOriginalMessage());
        }
        throw new InvalidInputException("options", "must be a JSON object");
    }
}
