package com.asan.audience.lead;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Stores a batch of leads (the batch API, demo data): a bad item is reported with its index and never blocks others. */
@Service
public class LeadBatchImporter {

    public static final int MAX_BATCH = 1000;

    private final LeadBulkWriter writer;

    LeadBatchImporter(LeadBulkWriter writer) {
        this.writer = writer;
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Long id, List<FieldViolation> errors) {
    }

    /**
     * Stores the batch with the import's bulk writer, in one transaction: each item's result has its index, and its
     * id or its errors (a bad item, or one whose email a lead holds, stores nothing and blocks no other).
     */
    public List<ItemResult> createAll(TenantPrincipal caller, List<Object> items, String defaultSource) {
        caller.require(Permission.LEADS_BULK);
        long accountId = caller.accountId();
        if (items.size() > MAX_BATCH) {
            throw new InvalidInputException("leads", "at most " + MAX_BATCH + " leads per batch");
        }
        List<IncomingLead> rows = new ArrayList<>(items.size());
        ItemResult[] results = new ItemResult[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) map;
                rows.add(new IncomingLead(i, json));
            } else {
                results[i] = new ItemResult(i, null, List.of(new FieldViolation("", "must be a lead object")));
            }
        }
        if (!rows.isEmpty()) {
            LeadBulkWriter.PreparedLeads prepared = writer.prepare(accountId, rows);
            writer.createTags(prepared);
            List<RowOutcome> outcomes = writer.write(prepared, DuplicatePolicy.REJECT_SAME_EMAIL, defaultSource,
                    () -> { });
            for (RowOutcome outcome : outcomes) {
                int index = (int) outcome.rowNumber();
                results[index] = outcome.kind() == RowOutcome.Kind.CREATED
                        ? new ItemResult(index, outcome.leadId(), null)
                        : new ItemResult(index, null, outcome.errors());
            }
        }
        return List.of(results);
    }
}
