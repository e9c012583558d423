package com.asan.audience.lead;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores a batch of leads item by item: a bad item is reported with its index and never blocks the others. */
@Service
public class LeadBatchImporter {

    public static final int MAX_BATCH = 1000;

    private final LeadFacade leads;
    private final TransactionTemplate transactions;

    LeadBatchImporter(LeadFacade leads, TransactionTemplate transactions) {
        this.leads = leads;
        this.transactions = transactions;
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Long id, List<FieldViolation> errors) {
    }

    public List<ItemResult> createAll(TenantPrincipal caller, List<Object> items, String defaultSource) {
        caller.require(Permission.LEADS_BULK);
        long accountId = caller.accountId();
        if (items.size() > MAX_BATCH) {
            throw new InvalidInputException("leads", "at most " + MAX_BATCH + " leads per batch");
        }
        LeadDraftReader reader = leads.reader(accountId);
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(createOne(accountId, i, items.get(i), defaultSource, reader));
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private ItemResult createOne(long accountId, int index, Object item, String defaultSource, LeadDraftReader reader) {
        if (!(item instanceof Map<?, ?> map)) {
            return new ItemResult(index, null, List.of(new FieldViolation("", "must be a lead object")));
        }
        try {
            LeadView lead = transactions.execute(status ->
                    leads.create(accountId, (Map<String, Object>) map, defaultSource, reader, ""));
            return new ItemResult(index, lead.id(), null);
        } catch (InvalidInputException e) {
            return new ItemResult(index, null, e.violations());
        } catch (ConflictException e) {
            String detail = e.details().containsKey("existingId") ? " (id " + e.details().get("existingId") + ")" : "";
            return new ItemResult(index, null, List.of(new FieldViolation(e.path(), e.getMessage() + detail)));
        }
    }
}
