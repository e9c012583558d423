package com.asan.audience.intake;

import java.util.List;

/**
 * What the mapping step shows: the file's columns with a suggested target and a proposed new custom field each,
 * and the first rows.
 */
public record ImportPreview(long id, String fileName, String encoding, String delimiter, List<Column> columns,
                            List<List<String>> rows, List<String> targets) {

    public record Column(String name, String suggestedTarget, NewField newField, List<String> sample) {
    }

    public record NewField(String key, String label, String type, List<String> options) {
    }
}
