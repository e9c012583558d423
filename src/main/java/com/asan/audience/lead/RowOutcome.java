package com.asan.audience.lead;

import com.asan.audience.shared.FieldViolation;
import java.util.List;

/** What a bulk write did with one row. {@code errors} is set for {@code FAILED}, {@code reason} for {@code SKIPPED}. */
public record RowOutcome(long rowNumber, Kind kind, Long leadId, List<FieldViolation> errors, String reason) {

    public enum Kind { CREATED, UPDATED, SKIPPED, FAILED }

    static RowOutcome created(long row, long id) {
        return new RowOutcome(row, Kind.CREATED, id, List.of(), null);
    }

    static RowOutcome updated(long row, long id) {
        return new RowOutcome(row, Kind.UPDATED, id, List.of(), null);
    }

    static RowOutcome skipped(long row, Long id, String reason) {
        return new RowOutcome(row, Kind.SKIPPED, id, List.of(), reason);
    }

    static RowOutcome failed(long row, List<FieldViolation> errors) {
        return new RowOutcome(row, Kind.FAILED, null, List.copyOf(errors), null);
    }
}
