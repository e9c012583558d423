package com.asan.audience.intake;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.DuplicatePolicy;
import com.asan.audience.lead.IncomingLead;
import com.asan.audience.lead.LeadBulkWriter;
import com.asan.audience.lead.RowOutcome;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.ForbiddenException;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.TooManyRequestsException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Website forms: their settings, and public submissions that create or refresh a lead. */
@Service
public class FormFacade {

    static final String HONEYPOT = "_honeypot";
    private static final Pattern KEY = Pattern.compile("f_(\\d{1,18})_[0-9a-f]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FormRepository forms;
    private final FormSettingsReader settings = new FormSettingsReader();
    private final SubmissionLimiter limiter;
    private final LeadBulkWriter writer;
    private final CustomFieldFacade customFields;

    private final AuditLog audit;

    FormFacade(FormRepository forms, SubmissionLimiter limiter, LeadBulkWriter writer,
               CustomFieldFacade customFields, AuditLog audit) {
        this.audit = audit;
        this.forms = forms;
        this.limiter = limiter;
        this.writer = writer;
        this.customFields = customFields;
    }

    /** What the public endpoint answers: where to send the visitor, if the form says so. */
    public record Submission(boolean stored, String redirectUrl) {
    }

    @Transactional
    public FormView create(TenantPrincipal caller, Map<String, Object> json) {
        caller.require(Permission.FORMS_MANAGE);
        long accountId = caller.accountId();
        FormView draft = settings.read(json, null);
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        FormView form = new FormView("f_" + accountId + "_" + HexFormat.of().formatHex(secret), draft.name(),
                draft.allowedOrigins(), draft.redirectUrl(), draft.tags(), 0, null);
        forms.insert(accountId, form);
        audit.record(caller, "form.created", form.key(), "Created website form " + form.name(), null, values(form));
        return forms.find(accountId, form.key()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<FormView> list(long accountId) {
        return forms.all(accountId);
    }

    @Transactional(readOnly = true)
    public FormView get(long accountId, String key) {
        return forms.find(accountId, key).orElseThrow(() -> new NotFoundException("Form"));
    }

    @Transactional
    public FormView update(TenantPrincipal caller, String key, Map<String, Object> json) {
        caller.require(Permission.FORMS_MANAGE);
        long accountId = caller.accountId();
        FormView current = get(accountId, key);
        FormView changed = settings.read(json, current);
        forms.update(accountId, changed);
        audit.record(caller, "form.changed", key, "Changed website form " + changed.name(), values(current),
                values(changed));
        return get(accountId, key);
    }

    @Transactional
    public void delete(TenantPrincipal caller, String key) {
        caller.require(Permission.FORMS_MANAGE);
        long accountId = caller.accountId();
        FormView current = get(accountId, key);
        if (!forms.delete(accountId, key)) {
            throw new NotFoundException("Form");
        }
        audit.record(caller, "form.deleted", key, "Deleted website form " + current.name(), values(current), null);
    }

    private static Map<String, Object> values(FormView form) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", form.name());
        values.put("allowedOrigins", form.allowedOrigins());
        values.put("redirectUrl", form.redirectUrl());
        values.put("tags", form.tags());
        return values;
    }

    /** The form a public key names, when the key is well-formed and the form exists. */
    @Transactional(readOnly = true)
    public Optional<FormView> byPublicKey(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? forms.find(Long.parseLong(matcher.group(1)), key) : Optional.empty();
    }

    /**
     * Takes a public submission: the caller checked the origin. A filled honeypot is answered as a success and
     * dropped; the same email again fills the lead's empty fields, adds the form's tags and marks it active.
     */
    @Transactional
    public Submission submit(String key, String clientIp, Map<String, String> fields) {
        FormView form = byPublicKey(key).orElseThrow(() -> new NotFoundException("Form"));
        long accountId = Long.parseLong(KEY.matcher(key).replaceFirst("$1"));
        if (!limiter.allow(key, clientIp)) {
            throw new TooManyRequestsException("Too many submissions; try again in a minute");
        }
        String honeypot = fields.get(HONEYPOT);
        if (honeypot != null && !honeypot.isBlank()) {
            return new Submission(false, form.redirectUrl());
        }
        IncomingLead lead = new IncomingLead(1, leadJson(accountId, form, fields));
        RowOutcome outcome = writer.write(accountId, List.of(lead), DuplicatePolicy.FILL_EMPTY, "Website").get(0);
        if (outcome.kind() == RowOutcome.Kind.FAILED) {
            throw new InvalidInputException(outcome.errors());
        }
        forms.countSubmission(accountId, key);
        return new Submission(true, form.redirectUrl());
    }

    private Map<String, Object> leadJson(long accountId, FormView form, Map<String, String> fields) {
        Map<String, CustomFieldDefinition> custom = customFields.fieldsByKey(accountId);
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> customValues = new LinkedHashMap<>();
        List<String> tags = new java.util.ArrayList<>(form.tags());
        List<FieldViolation> violations = new java.util.ArrayList<>();
        fields.forEach((name, raw) -> {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                return;
            }
            String folded = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            switch (folded) {
                case "email", "emailaddress" -> json.put("email", value);
                case "firstname", "fname", "givenname" -> json.put("firstName", value);
                case "lastname", "lname", "surname", "familyname" -> json.put("lastName", value);
                case "name", "fullname" -> {
                    int space = value.lastIndexOf(' ');
                    json.putIfAbsent("firstName", space < 0 ? value : value.substring(0, space).strip());
                    if (space > 0) {
                        json.putIfAbsent("lastName", value.substring(space + 1).strip());
                    }
                }
                case "phone", "tel", "telephone", "mobile", "phonenumber" -> json.put("phone", value);
                case "tags", "tag" -> java.util.Arrays.stream(value.split(",")).map(String::strip)
                        .filter(tag -> !tag.isEmpty() && tags.stream().noneMatch(tag::equalsIgnoreCase))
                        .forEach(tags::add);
                default -> {
                    CustomFieldDefinition field = custom.get(name);
                    if (field != null) {
                        Object typed = switch (field.type()) {
                            case NUMBER -> ValueParsers.parseNumber(value);
                            case BOOLEAN -> ValueParsers.parseBoolean(value);
                            case DATE -> ValueParsers.parseDate(value);
                            default -> value;
                        };
                        if (typed == null) {
                            violations.add(new FieldViolation(name, "is not a valid "
                                    + field.type().name().toLowerCase(Locale.ROOT)));
                        } else {
                            customValues.put(name, typed);
                        }
                    }
                }
            }
        });
        if (!json.containsKey("email") && !json.containsKey("phone")) {
            violations.add(new FieldViolation("email", "an email or a phone number is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!customValues.isEmpty()) {
            json.put("customFields", customValues);
        }
        if (!tags.isEmpty()) {
            json.put("tags", tags); // the form's own, then the submitted ones; a repeat submission adds them
        }
        json.put("lastActiveAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        return json;
    }

    static boolean originAllowed(FormView form, String origin) {
        return origin != null && form.allowedOrigins().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
    }

    static void requireOrigin(FormView form, String origin) {
        if (origin != null && !originAllowed(form, origin)) {
            throw new ForbiddenException("This form does not accept submissions from " + origin);
        }
    }
}
