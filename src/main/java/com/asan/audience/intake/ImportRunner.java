package com.asan.audience.intake;

import com.asan.audience.shared.SystemCaller;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.LeadBulkWriter;
import com.asan.audience.lead.RowOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import under a lease: counts the rows (and creates the new custom fields), then reads the file in
 * batches, written two at a time and committed in file order ({@link InOrderBatches}). Each batch's leads, errors
 * and progress commit together, so a restart resumes exactly after the last committed batch.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportRepository imports;
    private final ImportFileStore files;
    private final ImportOptionsJson optionsJson;
    private final LeadBulkWriter writer;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Duration lease;

    ImportRunner(ImportRepository imports, ImportFileStore files, ImportOptionsJson optionsJson,
                 LeadBulkWriter writer, CustomFieldFacade customFields, AccountFacade accounts,
                 TransactionTemplate transactions, IntakeProperties intake) {
        int batchSize = intake.batchSize();
        Duration lease = intake.lease();
        this.imports = imports;
        this.files = files;
        this.optionsJson = optionsJson;
        this.writer = writer;
        this.customFields = customFields;
        this.accounts = accounts;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Thrown inside a batch transaction when another worker took the import over; the batch rolls back. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    Duration lease() {
        return lease;
    }

    /** Returns the final status, or null when this worker did not (or no longer) own the import. */
    String run(long accountId, long id, String owner) {
        if (!Boolean.TRUE.equals(transactions.execute(s -> imports.claim(accountId, id, owner, lease)))) {
            return null;
        }
        try {
            ImportOptions options = optionsJson.read(imports.options(accountId, id).orElseThrow());
            CsvFormat format = imports.format(accountId, id).orElseThrow();
            Record progress = imports.progress(accountId, id);
            if (progress.get(IntakeTables.TOTAL_ROWS) == null) {
                prepare(accountId, id, owner, options, format);
            }
            process(accountId, id, owner, options, format, progress.get(IntakeTables.NEXT_ROW));
            return finish(accountId, id, owner, "completed", null);
        } catch (LeaseLost e) {
            log.warn("Import {} of account {}: another worker took it over", id, accountId);
            return null;
        } catch (InterruptedRun e) {
            log.info("Import {} of account {} paused at shutdown; it resumes after restart", id, accountId);
            return null;
        } catch (RuntimeException e) {
            log.error("Import {} of account {} failed", id, accountId, e);
            return finish(accountId, id, owner, "failed", "The import stopped: " + e.getMessage());
        }
    }

    private static final class InterruptedRun extends RuntimeException {
        InterruptedRun() {
            super("interrupted", null, false, false);
        }
    }

    /** Counts the data rows and creates the new custom fields; a select field gets every value the file uses. */
    private void prepare(long accountId, long id, String owner, ImportOptions options, CsvFormat format) {
        long total = 0;
        Map<String, Map<String, String>> selectValues = new LinkedHashMap<>();
        options.newCustomFields().stream().filter(f -> f.type() == FieldType.SELECT)
                .forEach(f -> selectValues.put(f.column(), new LinkedHashMap<>()));
        try (CsvRows rows = CsvRows.open(files.open(accountId, id), format)) {
            List<String> header = rows.header();
            for (CsvRows.Row row : rows) {
                total++;
                selectValues.forEach((column, seen) -> {
                    int index = header.indexOf(column);
                    if (index < row.fields().size()) {
                        String value = mappedValue(options, column, row.fields().get(index));
                        if (value != null && !value.isBlank() && seen.size() <= ColumnSuggester.MAX_SELECT_OPTIONS) {
                            seen.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), value.strip());
                        }
                    }
                });
            }
        }
        long rowCount = total;
        transactions.executeWithoutResult(s -> {
            Map<String, CustomFieldDefinition> existing = customFields.fieldsByKey(accountId);
            for (ImportOptions.NewField field : options.newCustomFields()) {
                if (existing.containsKey(field.key())) {
                    continue;
                }
                List<String> choices = field.type() == FieldType.SELECT
                        ? new ArrayList<>(selectValues.get(field.column()).values()) : List.of();
                FieldType type = field.type() == FieldType.SELECT
                        && (choices.isEmpty() || choices.size() > ColumnSuggester.MAX_SELECT_OPTIONS)
                        ? FieldType.TEXT : field.type();
                customFields.create(new SystemCaller(accountId), new CustomFieldFacade.FieldDraft(field.key(), field.label(),
                        type.name().toLowerCase(Locale.ROOT), type == FieldType.SELECT ? choices : List.of()));
            }
            if (!imports.setTotal(accountId, id, owner, rowCount, lease)) {
                throw new LeaseLost();
            }
        });
    }

    private void process(long accountId, long id, String owner, ImportOptions options, CsvFormat format,
                         long alreadyDone) {
        Map<String, Long> members = new HashMap<>();
        for (TeamMember member : accounts.members(accountId)) {
            members.put(member.email().toLowerCase(Locale.ROOT), member.id());
        }
        try (CsvRows rows = CsvRows.open(files.open(accountId, id), format)) {
            RowConverter converter = new RowConverter(rows.header(), options, customFields.fieldsByKey(accountId),
                    members);
            try (var batches = new ConvertedBatches<>(rows, converter, leads -> writer.prepare(accountId, leads),
                    batchSize, alreadyDone);
                 var writers = new InOrderBatches(lease.dividedBy(2))) {
                for (var batch = batches.next(); batch != null; batch = batches.next()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedRun();
                    }
                    var next = batch;
                    writers.submit(batch.leads().duplicateKeys(),
                            awaitEarlier -> commitBatch(accountId, id, owner, options, converter, next, awaitEarlier));
                }
                writers.awaitAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedRun();
            }
        }
    }

    /** One batch in one transaction, on an {@link InOrderBatches} writer thread. */
    private void commitBatch(long accountId, long id, String owner, ImportOptions options, RowConverter converter,
                             ConvertedBatches.Batch<LeadBulkWriter.PreparedLeads> batch, Runnable awaitEarlier) {
        writer.createTags(batch.leads());
        List<RowConverter.RowError> errors = new ArrayList<>(batch.errors());
        long[] counts = new long[4];
        counts[3] = batch.failedRows();
        transactions.executeWithoutResult(s -> {
            for (RowOutcome outcome : writer.write(batch.leads(), options.duplicates(), "CSV import", awaitEarlier)) {
                switch (outcome.kind()) {
                    case CREATED -> counts[0]++;
                    case UPDATED -> counts[1]++;
                    case SKIPPED -> counts[2]++;
                    case FAILED -> {
                        counts[3]++;
                        outcome.errors().forEach(v -> errors.add(
                                converter.explain(outcome.rowNumber(), v, batch.cells().get(outcome.rowNumber()))));
                    }
                }
            }
            errors.sort(java.util.Comparator.comparingLong(RowConverter.RowError::row));
            imports.insertErrors(accountId, id, errors);
            if (!imports.advance(accountId, id, owner, batch.nextRow(), counts, lease)) {
                throw new LeaseLost();
            }
        });
        log.info("Import {} of account {} committed rows up to {}", id, accountId, batch.nextRow());
    }

    private String finish(long accountId, long id, String owner, String status, String failure) {
        boolean finished = Boolean.TRUE.equals(transactions.execute(s -> {
            boolean mine = imports.finish(accountId, id, owner, status, failure);
            if (mine) {
                imports.deleteChunks(accountId, id);
            }
            return mine;
        }));
        if (!finished) {
            return null;
        }
        ImportView view = imports.find(accountId, id).orElseThrow();
        log.info("Import {} of account {} {}: {} created, {} updated, {} skipped, {} failed", id, accountId, status,
                view.created(), view.updated(), view.skipped(), view.failed());
        return status;
    }

    private static String mappedValue(ImportOptions options, String column, String raw) {
        Map<String, String> values = options.valueMaps().get(column);
        if (values == null) {
            return raw;
        }
        String key = raw.strip().toLowerCase(Locale.ROOT);
        return values.containsKey(key) ? values.get(key) : raw;
    }
}
