package com.asan.audience.intake;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** CSV imports: upload, preview with suggested mapping, start, progress and the error report. */
@Service
public class ImportFacade {

    static final int PREVIEW_ROWS = 10;
    private static final int SAMPLE_ROWS = 1000;

    private final ImportRepository imports;
    private final ImportFileStore files;
    private final ImportOptionsJson optionsJson;
    private final ImportWorkers workers;
    private final com.asan.audience.lead.CustomFieldFacade customFields;
    private final AccountFacade accounts;

    private final AuditLog audit;

    ImportFacade(ImportRepository imports, ImportFileStore files, ImportOptionsJson optionsJson, ImportWorkers workers,
                 com.asan.audience.lead.CustomFieldFacade customFields, AccountFacade accounts, AuditLog audit) {
        this.audit = audit;
        this.imports = imports;
        this.files = files;
        this.optionsJson = optionsJson;
        this.workers = workers;
        this.customFields = customFields;
        this.accounts = accounts;
    }

    /** An uploaded file, opened only once the caller may import (so a refused upload is never read). */
    public interface FileSource {

        /** The file's name as sent, or null. */
        String name() throws IOException;

        InputStream open() throws IOException;
    }

    /** Stores the file and reads its format; the import waits for {@link #start}. */
    @Transactional
    public ImportView upload(TenantPrincipal caller, FileSource file) throws IOException {
        caller.require(Permission.LEADS_IMPORT);
        try (InputStream content = file.open()) {
            ImportView stored = store(caller.accountId(), caller.memberId() == 0 ? null : caller.memberId(),
                    file.name(), content);
            audit.record(caller, "import.uploaded", stored.id(), "Uploaded " + stored.fileName(), null,
                    Map.of("file", stored.fileName(), "bytes", stored.fileBytes()));
            return stored;
        }
    }

    private ImportView store(long accountId, Long memberId, String fileName, InputStream content) {
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        long id = imports.insert(accountId, name.length() > 200 ? name.substring(0, 200) : name, memberId);
        ImportFileStore.Stored stored = files.store(accountId, id, content);
        if (stored.bytes() == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        if (stored.notCsv().isPresent()) {
            throw new InvalidInputException("file", stored.notCsv().get());
        }
        imports.describeFile(accountId, id, stored.bytes(), stored.format());
        if (header(accountId, id, stored.format()).isEmpty()) {
            throw new InvalidInputException("file", "has no header row");
        }
        return imports.find(accountId, id).orElseThrow();
    }

    /** Upload and start in one step (the API): a bad option stores nothing. */
    @Transactional
    public ImportView importFile(TenantPrincipal caller, FileSource file,
                                 java.util.function.Supplier<Map<String, Object>> options) throws IOException {
        caller.require(Permission.LEADS_IMPORT); // before the options are read: reading them parses the upload
        Map<String, Object> read = options.get();
        ImportView uploaded = upload(caller, file);
        return start(caller, uploaded.id(), read);
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(long accountId, long id) {
        ImportView view = get(accountId, id);
        CsvFormat format = imports.format(accountId, id).orElseThrow();
        Map<String, CustomFieldDefinition> fields = customFields.fieldsByKey(accountId);
        List<String> header;
        List<List<String>> samples = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(files.open(accountId, id), format)) {
            header = rows.header();
            for (CsvRows.Row row : rows) {
                samples.add(row.fields());
                if (samples.size() == SAMPLE_ROWS) {
                    break;
                }
            }
        }
        List<ImportPreview.Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            List<String> values = samples.stream().map(r -> index < r.size() ? r.get(index) : "").toList();
            ColumnSuggester.FieldProposal proposal = ColumnSuggester.propose(header.get(i), values);
            String type = proposal.type().name().toLowerCase();
            columns.add(new ImportPreview.Column(header.get(i), ColumnSuggester.suggestTarget(header.get(i), fields),
                    new ImportPreview.NewField(proposal.key(), proposal.label(), type,
                            type.equals("select") ? proposal.options() : List.of()),
                    values.subList(0, Math.min(PREVIEW_ROWS, values.size()))));
        }
        List<String> targets = new ArrayList<>(ImportOptions.STANDARD_TARGETS);
        fields.keySet().forEach(key -> targets.add(ImportOptions.CUSTOM_PREFIX + key));
        return new ImportPreview(id, view.fileName(), view.encoding(), view.delimiter(), columns,
                samples.subList(0, Math.min(PREVIEW_ROWS, samples.size())), targets);
    }

    /** Checks the options against the file and queues the import; with no options the suggested mapping is used. */
    @Transactional
    public ImportView start(TenantPrincipal caller, long id, Map<String, Object> optionsJsonMap) {
        caller.require(Permission.LEADS_IMPORT);
        long accountId = caller.accountId();
        ImportView view = get(accountId, id);
        if (!view.status().equals("uploaded")) {
            throw new ConflictException("status", "The import has already started (status " + view.status() + ")");
        }
        CsvFormat format = imports.format(accountId, id).orElseThrow();
        List<String> header = header(accountId, id, format);
        Map<String, CustomFieldDefinition> fields = customFields.fieldsByKey(accountId);
        Set<Long> members = accounts.members(accountId).stream().map(TeamMember::id).collect(Collectors.toSet());
        Map<String, String> suggested = new LinkedHashMap<>();
        header.forEach(column -> suggested.put(column, ColumnSuggester.suggestTarget(column, fields)));
        ImportOptions options = new ImportOptionsReader(header, fields, members)
                .read(optionsJsonMap == null ? Map.of() : optionsJsonMap, suggested);
        imports.queue(accountId, id, optionsJson.write(options), workers.owner(), workers.lease());
        audit.record(caller, "import.started", id, "Started importing " + view.fileName(), null,
                Map.of("file", view.fileName()));
        workers.startAfterCommit(accountId, id);
        return imports.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportView get(long accountId, long id) {
        return imports.find(accountId, id).orElseThrow(() -> new NotFoundException("Import"));
    }

    @Transactional(readOnly = true)
    public List<ImportView> recent(long accountId) {
        return imports.recent(accountId, 50);
    }

    /** The error report as CSV: row, column, value, message. */
    @Transactional(readOnly = true)
    public void writeErrors(long accountId, long id, Writer out) {
        get(accountId, id);
        ImportErrorsCsv.write(out, sink -> imports.forEachError(accountId, id, sink));
    }

    /** Waits until this instance finishes the import; answers the import as it then is. */
    public ImportView awaitFinished(long accountId, long id, Duration timeout) {
        var completion = workers.completion(id);
        ImportView now = get(accountId, id);
        if (!now.finished()) {
            try {
                completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answer the current state below
            }
        }
        return get(accountId, id);
    }

    private List<String> header(long accountId, long id, CsvFormat format) {
        try (CsvRows rows = CsvRows.open(files.open(accountId, id), format)) {
            return rows.header();
        }
    }
}
