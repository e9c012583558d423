package com.asan.audience.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** How a stored file is read: its encoding (and whether a byte-order mark precedes the text) and delimiter. */
record CsvFormat(String encoding, boolean bom, char delimiter) {

    static final List<Character> DELIMITERS = List.of(',', ';', '\t');

    Charset charset() {
        return encoding.equals("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    /** The stored name of the encoding: UTF-8, UTF-8 with BOM, or Windows-1252. */
    String encodingLabel() {
        return bom ? "UTF-8 with BOM" : encoding;
    }

    static CsvFormat of(String label, char delimiter) {
        return switch (label) {
            case "UTF-8 with BOM" -> new CsvFormat("UTF-8", true, delimiter);
            case "UTF-8" -> new CsvFormat("UTF-8", false, delimiter);
            default -> new CsvFormat("Windows-1252", false, delimiter);
        };
    }

    /**
     * Picks the delimiter that splits the first lines into the same number of fields, most fields winning; quoted
     * text is skipped so a comma inside quotes does not count.
     */
    static char detectDelimiter(String sample) {
        String[] lines = sample.split("\r\n|\n|\r", -1);
        int usable = Math.max(1, Math.min(lines.length - 1, 20));
        char best = ',';
        int bestScore = -1;
        for (char delimiter : DELIMITERS) {
            int first = countOutsideQuotes(lines[0], delimiter);
            if (first == 0) {
                continue;
            }
            int consistent = 0;
            for (int i = 1; i < usable; i++) {
                if (!lines[i].isBlank() && countOutsideQuotes(lines[i], delimiter) == first) {
                    consistent++;
                }
            }
            int score = consistent * 1000 + first;
            if (score > bestScore) {
                bestScore = score;
                best = delimiter;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }
}
