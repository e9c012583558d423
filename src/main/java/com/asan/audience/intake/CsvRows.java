package com.asan.audience.intake;

import com.asan.audience.shared.InvalidInputException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A CSV file read as a header and data rows, streaming. Row numbers are spreadsheet rows: the header is row 1.
 * Ragged rows are passed through as they are, so the caller can report them.
 */
final class CsvRows implements AutoCloseable, Iterable<CsvRows.Row> {

    record Row(long number, List<String> fields) {
    }

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    private CsvRows(Reader text, char delimiter) {
        this.reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"').skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(text);
        this.records = reader.iterator();
        try {
            this.header = more(1) ? uniqueNames(read(1)) : List.of();
        } catch (InvalidInputException e) {
            close();
            throw e;
        }
    }

    /**
     * The next record's fields. A record FastCSV cannot read (over 16,384 fields, or a field beyond its buffer) is a
     * fault of the file, named by row; the parser cannot resume inside such a record, so reading stops there.
     */
    private List<String> read(long rowNumber) {
        try {
            return records.next().getFields();
        } catch (CsvParseException e) {
            throw unreadable(rowNumber, e);
        }
    }

    private boolean more(long rowNumber) {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw unreadable(rowNumber, e);
        }
    }

    private static InvalidInputException unreadable(long rowNumber, CsvParseException e) {
        return new InvalidInputException("file", "row " + rowNumber + " cannot be read: " + e.getMessage());
    }

    static CsvRows open(InputStream in, CsvFormat format) {
        try {
            if (format.bom()) {
                in.skipNBytes(3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvRows(new InputStreamReader(in, format.charset()), format.delimiter());
    }

    List<String> header() {
        return header;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private long number = 1;

            @Override
            public boolean hasNext() {
                return more(number + 1);
            }

            @Override
            public Row next() {
                number++;
                return new Row(number, read(number));
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trimmed header names; a blank one becomes "Column N" and a repeated one gets " (2)", " (3)", ... U+0000, which
     * PostgreSQL cannot store, shows as U+FFFD (the replacement mark): names are kept with the import's options.
     */
    private static List<String> uniqueNames(List<String> raw) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).replace('\0', '\uFFFD').strip();
            if (name.isEmpty()) {
                name = "Column " + (i + 1);
            }
            String unique = name;
            for (int n = 2; !seen.add(unique.toLowerCase()); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
        }
        return names;
    }
}
