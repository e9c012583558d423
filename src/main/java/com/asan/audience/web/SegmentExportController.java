package com.asan.audience.web;

import com.asan.audience.segment.SegmentMembers;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.lead.CustomFieldFacade;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Streams a segment's current members as CSV, page by page, so large segments need no large memory. */
@Controller
class SegmentExportController {

    private static final int BATCH = 1000;

    private final SegmentFacade segments;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;

    private final SegmentMembers members;

    SegmentExportController(SegmentFacade segments, CustomFieldFacade customFields, AccountFacade accounts, SegmentMembers members) {
        this.members = members;
        this.segments = segments;
        this.customFields = customFields;
        this.accounts = accounts;
    }

    @GetMapping("/audience/segments/{id}/export.csv")
    void export(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        long accountId = caller.accountId();
        SegmentFacade.Definition segment = segments.exportable(caller, id);
        List<CustomFieldDefinition> fields = customFields.fields(accountId);
        Map<Long, String> agents = new HashMap<>();
        for (TeamMember member : accounts.members(accountId)) {
            agents.put(member.id(), member.email());
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"segment-" + id + ".csv\"");
        try (CsvWriter csv = CsvWriter.builder().build(response.getOutputStream(), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("id", "first_name", "last_name", "email", "phone",
                    "phone_type", "status", "source", "tags", "assigned_to", "email_status", "created_at",
                    "last_active_at"));
            fields.forEach(field -> header.add(field.key()));
            csv.writeRecord(header);
            for (int page = 0; ; page++) {
                PageResult<LeadView> batch = members.members(caller, segment.id(), new PageRequest(page, BATCH),
                        LeadQueries.MemberOrder.CREATED_ASC);
                for (LeadView lead : batch.items()) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(lead.id()), safe(lead.firstName()),
                            safe(lead.lastName()), safe(lead.email()), safe(lead.phone()), safe(lead.phoneType()),
                            lead.status(), lead.source(), safe(String.join("; ", lead.tags())),
                            lead.assignedTo() == null ? "" : agents.getOrDefault(lead.assignedTo(), ""),
                            lead.emailStatus(), lead.createdAt().toString(),
                            lead.lastActiveAt() == null ? "" : lead.lastActiveAt().toString()));
                    fields.forEach(field -> row.add(safe(lead.customFields().get(field.key()) == null ? null
                            : String.valueOf(lead.customFields().get(field.key())))));
                    csv.writeRecord(row);
                }
                if (batch.items().size() < BATCH) {
                    break;
                }
            }
        }
    }

    static String safe(String value) {
        return com.asan.audience.shared.SpreadsheetCells.safe(value);
    }
}
