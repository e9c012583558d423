package com.asan.audience.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal into {@code application/problem+json} with an {@code errors} list of field paths.
 * Only REST controllers are advised; the web UI renders its own error pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.violations(), Map.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldViolation(e.path(), e.getMessage())),
                e.details());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(),
                e.permission() == null ? Map.of() : Map.of("permission", e.permission().wire()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooMany(TooManyRequestsException e) {
        ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of(), Map.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                List.of(new FieldViolation(e.getName(), "is not a valid value")), Map.of());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = findCause(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        JacksonException json = findCause(ex, JacksonException.class);
        String path = json == null ? "" : JsonPaths.of(json.getPath());
        String message = json == null ? "request body is missing or unreadable" : JsonPaths.describe(json);
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", List.of(new FieldViolation(path, message)),
                Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Missing part",
                List.of(new FieldViolation(ex.getRequestPartName(), "is required")), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                List.of(new FieldViolation("file", "is larger than the upload limit")), Map.of());
    }

    /** A multipart body the servlet container could not parse (a size over the limit is handled above). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> malformedMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed multipart request",
                List.of(new FieldViolation("file", "the multipart body could not be read")), Map.of());
    }

    /** A multipart part whose file name holds a character no file name may (U+0000), met when the body is parsed. */
    @ExceptionHandler(org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class)
    ResponseEntity<Object> invalidFileName(org.apache.tomcat.util.http.fileupload.InvalidFileNameException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed multipart request",
                List.of(new FieldViolation("file", "the file name is not valid")), Map.of());
    }

    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]*)\\]");

    /** Tomcat refuses a query whose percent-encoding is not UTF-8 ({@code ?q=%FF}) when it is first read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException e) {
        Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(e.getMessage()));
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", List.of(new FieldViolation(
                name.find() ? name.group(1) : "query", "is not valid UTF-8 once percent-decoded")), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map((FieldError error) -> new FieldViolation(error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", violations, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            detail.setProperty("errors", List.of());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
        return response;
    }

    /**
     * A unique key or lock that a concurrent request won, where no facade named the field: the change is refused
     * whole (its transaction rolled back) and may be tried again.
     */
    @ExceptionHandler({org.springframework.dao.DuplicateKeyException.class,
            org.springframework.dao.ConcurrencyFailureException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException e) {
        log.info("Refused a change that collided with a concurrent one: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "This conflicts with a change made at the same moment; try again",
                List.of(), Map.of());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected server error", List.of(), Map.of());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, List<FieldViolation> errors,
                                          Map<String, Object> extra) {
        ProblemDetail detail = ProblemDetail.forStatus(status);
        detail.setTitle(title);
        detail.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            detail.setDetail(errors.get(0).path().isEmpty() ? errors.get(0).message()
                    : errors.get(0).path() + ": " + errors.get(0).message());
        }
        detail.setProperty("errors", errors);
        extra.forEach(detail::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
