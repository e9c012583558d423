package com.asan.audience.intake;

import com.asan.audience.shared.SpreadsheetCells;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Writer;
import java.util.function.Consumer;

/** Writes an import's row errors as CSV, the report users download and fix their file from. */
final class ImportErrorsCsv {

    private ImportErrorsCsv() {
    }

    static void write(Writer out, Consumer<Consumer<RowConverter.RowError>> errors) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("row", "column", "value", "message");
        errors.accept(error -> csv.writeRecord(String.valueOf(error.row()), SpreadsheetCells.safe(error.column()),
                SpreadsheetCells.safe(error.value()), error.message()));
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
