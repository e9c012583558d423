package com.asan.audience.audit;

import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records changes in the caller's transaction (a change that rolls back leaves no entry) and lists them. */
@Service
public class AuditLog {

    static final int MAX_VALUE_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[a-z-]{1,40}(\\.[a-z-]{1,40}){0,2}");

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records a change with no values to show (a deletion names its target in the summary). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(TenantPrincipal caller, String type, Object targetId, String summary) {
        record(caller, type, targetId, summary, null, null);
    }

    /** Must run inside the change's own transaction, so the entry and the change commit or roll back together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(TenantPrincipal caller, String type, Object targetId, String summary,
                       Map<String, ?> before, Map<String, ?> after) {
        repository.insert(caller.accountId(), caller.memberId() == 0 ? null : caller.memberId(), caller.label(), type,
                targetId == null ? null : String.valueOf(targetId), small(summary), smallValues(before),
                smallValues(after));
    }

    /** Newest first; {@code type} keeps one kind ("segment.deleted") or a family ("segment"). */
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> page(TenantPrincipal caller, String type, PageRequest page) {
        caller.require(Permission.AUDIT_READ);
        if (type != null && !TYPE.matcher(type).matches()) {
            throw new InvalidInputException("type", "must be a change type such as segment or segment.deleted");
        }
        return new PageResult<>(repository.page(caller.accountId(), type, page.offset(), page.size()),
                repository.count(caller.accountId(), type), page.page(), page.size());
    }

    private static Map<String, Object> smallValues(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> kept.put(key, value instanceof String text ? small(text) : value));
        return kept;
    }

    private static String small(String text) {
        return text == null || text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
