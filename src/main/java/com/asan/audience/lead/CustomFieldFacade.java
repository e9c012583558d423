package com.asan.audience.lead;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines the typed custom fields of an account. */
@Service
public class CustomFieldFacade {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_OPTIONS = 200;

    private final CustomFieldRepository repository;
    private final ApplicationEventPublisher events;
    private final LeadChangeFeed changes;

    private final AuditLog audit;

    CustomFieldFacade(CustomFieldRepository repository, ApplicationEventPublisher events, LeadChangeFeed changes, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.changes = changes;
        this.events = events;
    }

    public record FieldDraft(String key, String label, String type, List<String> options) {
    }

    @Transactional(readOnly = true)
    public List<CustomFieldDefinition> fields(long accountId) {
        return repository.all(accountId);
    }

    /** The account's fields by key, in display order. */
    @Transactional(readOnly = true)
    public Map<String, CustomFieldDefinition> fieldsByKey(long accountId) {
        Map<String, CustomFieldDefinition> byKey = new LinkedHashMap<>();
        repository.all(accountId).forEach(field -> byKey.put(field.key(), field));
        return byKey;
    }

    @Transactional
    public CustomFieldDefinition create(TenantPrincipal caller, FieldDraft draft) {
        caller.require(Permission.CUSTOM_FIELDS_MANAGE);
        long accountId = caller.accountId();
        List<FieldViolation> violations = new ArrayList<>();
        String key = draft.key() == null ? null : draft.key().strip();
        if (key == null || !KEY.matcher(key).matches()) {
            violations.add(new FieldViolation("key", "must be a slug: a lowercase letter, then letters, digits or _"));
        }
        String label = TextLimits.clean(draft.label(), "label", violations);
        if (label == null && violations.stream().noneMatch(v -> v.path().equals("label"))) {
            label = key;
        }
        FieldType type = parseType(draft.type(), violations);
        List<String> options = cleanOptions(type, draft.options(), violations);
        throwIfAny(violations);
        if (repository.find(accountId, key).isPresent()) {
            throw new ConflictException("key", "A custom field with key '" + key + "' already exists");
        }
        CustomFieldDefinition field = new CustomFieldDefinition(key, label, type, options);
        repository.insert(accountId, field);
        events.publishEvent(new CustomFieldsChanged(accountId, key));
        audit.record(caller, "custom-field.created", key, "Created custom field " + label, null, fieldValues(field));
        return field;
    }

    @Transactional
    public CustomFieldDefinition change(TenantPrincipal caller, String key, FieldDraft change) {
        caller.require(Permission.CUSTOM_FIELDS_MANAGE);
        long accountId = caller.accountId();
        CustomFieldDefinition current = repository.find(accountId, key)
                .orElseThrow(() -> new NotFoundException("Custom field"));
        List<FieldViolation> violations = new ArrayList<>();
        if (change.key() != null && !change.key().equals(key)) {
            violations.add(new FieldViolation("key", "cannot be changed"));
        }
        String label = change.label() == null ? current.label() : TextLimits.clean(change.label(), "label", violations);
        FieldType type = change.type() == null ? current.type() : parseType(change.type(), violations);
        List<String> options = change.options() == null && type == current.type() ? current.options()
                : cleanOptions(type, change.options() == null ? current.options() : change.options(), violations);
        throwIfAny(violations);
        int inUse = repository.leadsWithValue(accountId, key);
        if (type != current.type() && inUse > 0) {
            throw new ConflictException("type", "The field holds values on " + inUse
                    + " leads; its type cannot change", Map.of("leadsWithValue", inUse));
        }
        if (type == FieldType.SELECT && inUse > 0 && !options.containsAll(current.options())) {
            throw new ConflictException("options", "Options in use cannot be removed", Map.of("leadsWithValue", inUse));
        }
        CustomFieldDefinition updated = new CustomFieldDefinition(key, label == null ? current.label() : label, type,
                options);
        repository.update(accountId, updated);
        if (type != current.type()) {
            changes.fieldDropped(accountId, key); // no lead holds a value: the key's column starts again
        } else {
            changes.contextChanged(accountId); // a label or options: how criteria read, not what any lead holds
        }
        events.publishEvent(new CustomFieldsChanged(accountId, key));
        audit.record(caller, "custom-field.changed", key, "Changed custom field " + updated.label(),
                fieldValues(current), fieldValues(updated));
        return updated;
    }

    /** Deletes the definition and the values every lead held for it. */
    @Transactional
    public void delete(TenantPrincipal caller, String key) {
        caller.require(Permission.CUSTOM_FIELDS_MANAGE);
        long accountId = caller.accountId();
        repository.find(accountId, key).orElseThrow(() -> new NotFoundException("Custom field"));
        repository.removeValues(accountId, key);
        repository.delete(accountId, key);
        // not the leads that held values: no lead holds the key now, and a field of the same key may come back
        // with another type, so readers drop the key's column whole
        changes.fieldDropped(accountId, key);
        audit.record(caller, "custom-field.deleted", key, "Deleted custom field " + key + " and its values", null,
                null);
        events.publishEvent(new CustomFieldsChanged(accountId, key));
    }

    private static FieldType parseType(String type, List<FieldViolation> violations) {
        if (type == null) {
            violations.add(new FieldViolation("type", "is required: text, number, date, boolean or select"));
            return FieldType.TEXT;
        }
        return FieldType.parse(type.strip().toLowerCase(Locale.ROOT)).orElseGet(() -> {
            violations.add(new FieldViolation("type", "must be text, number, date, boolean or select"));
            return FieldType.TEXT;
        });
    }

    private static List<String> cleanOptions(FieldType type, List<String> options, List<FieldViolation> violations) {
        if (type != FieldType.SELECT) {
            if (options != null && !options.isEmpty()) {
                violations.add(new FieldViolation("options", "only select fields have options"));
            }
            return List.of();
        }
        if (options == null || options.isEmpty()) {
            violations.add(new FieldViolation("options", "a select field needs at least one option"));
            return List.of();
        }
        if (options.size() > MAX_OPTIONS) {
            violations.add(new FieldViolation("options", "at most " + MAX_OPTIONS + " options"));
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = TextLimits.clean(options.get(i), "options[" + i + "]", violations);
            if (option == null) {
                violations.add(new FieldViolation("options[" + i + "]", "must not be blank"));
            } else if (cleaned.stream().anyMatch(option::equalsIgnoreCase)) {
                violations.add(new FieldViolation("options[" + i + "]", "is listed twice"));
            } else {
                cleaned.add(option);
            }
        }
        return cleaned;
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static Map<String, Object> fieldValues(CustomFieldDefinition field) {
        return Map.of("label", field.label(), "type", field.type().wire(), "options", field.options());
    }
}
