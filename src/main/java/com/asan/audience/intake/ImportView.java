package com.asan.audience.intake;

import java.time.OffsetDateTime;

/** An import's state and progress as the API shows it. {@code processed} counts data rows read so far. */
public record ImportView(long id, String fileName, String status, long fileBytes, String encoding, String delimiter,
                         Long totalRows, long processed, long created, long updated, long skipped, long failed,
                         String failure, OffsetDateTime createdAt, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt) {

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }

    /** Whole percent done, 0 until the rows are counted. */
    public int percent() {
        if (status.equals("completed")) {
            return 100;
        }
        return totalRows == null || totalRows == 0 ? 0 : (int) Math.min(100, processed * 100 / totalRows);
    }
}
