package com.asan.audience.lead;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's tags: listing with usage, renaming (merging into an existing tag) and deleting everywhere. */
@Service
public class TagFacade {

    private final TagRepository tags;
    private final LeadChangeFeed changes;

    private final AuditLog audit;

    TagFacade(TagRepository tags, LeadChangeFeed changes, AuditLog audit) {
        this.audit = audit;
        this.tags = tags;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<TagUsage> tags(long accountId) {
        return tags.usage(accountId);
    }

    @Transactional
    public TagUsage rename(TenantPrincipal caller, long tagId, String newName) {
        caller.require(Permission.TAGS_MANAGE);
        long accountId = caller.accountId();
        TagUsage before = tags.find(accountId, tagId).orElseThrow(() -> new NotFoundException("Tag"));
        List<FieldViolation> violations = new ArrayList<>();
        String name = TextLimits.clean(newName, "name", violations);
        if (name == null && violations.isEmpty()) {
            violations.add(new FieldViolation("name", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        long target = tags.idByName(accountId, name).orElse(tagId);
        // the leads that carried the tag now carry the new name (or the tag it merged into); no other lead changes
        List<Long> tagged = tags.leadsWith(accountId, tagId, LeadSnapshots.MAX_CHANGED_LEADS + 1);
        if (target == tagId) {
            tags.rename(accountId, tagId, name);
        } else {
            tags.merge(accountId, tagId, target);
        }
        changes.leadsChangedOrAccount(accountId, tagged);
        TagUsage after = tags.find(accountId, target).orElseThrow();
        audit.record(caller, target == tagId ? "tag.renamed" : "tag.merged", tagId, (target == tagId ? "Renamed" : "Merged")
                + " tag " + before.name() + " into " + after.name(), Map.of("name", before.name()),
                Map.of("name", after.name(), "tagId", target));
        return after;
    }

    @Transactional
    public void delete(TenantPrincipal caller, long tagId) {
        caller.require(Permission.TAGS_MANAGE);
        long accountId = caller.accountId();
        TagUsage before = tags.find(accountId, tagId).orElseThrow(() -> new NotFoundException("Tag"));
        audit.record(caller, "tag.deleted", tagId, "Deleted tag " + before.name(), Map.of("name", before.name(),
                "leads", before.leads()), null);
        List<Long> tagged = tags.leadsWith(accountId, tagId, LeadSnapshots.MAX_CHANGED_LEADS + 1);
        tags.delete(accountId, tagId);
        changes.leadsChangedOrAccount(accountId, tagged);
    }
}
