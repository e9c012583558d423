package com.asan.audience.shared;

/** Text for CSV cells that people open in spreadsheets. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** Keeps spreadsheets from running a cell as a formula; plain numbers and phone numbers stay as they are. */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        boolean formulaLike = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !value.matches("[+-]?[0-9][0-9 ().-]*");
        return formulaLike ? "'" + value : value;
    }
}
