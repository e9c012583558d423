package com.asan.audience.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises the files people upload instead of a CSV export (a workbook, UTF-16 text, a PDF, any binary file), so
 * the upload is refused with what to do, instead of importing rows of noise.
 */
final class FileSignatures {

    private FileSignatures() {
    }

    /** Why the file's first bytes cannot be a CSV text file; empty when they can. */
    static Optional<String> notCsv(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return Optional.of("is a ZIP archive, such as an Excel workbook (.xlsx): save it as CSV first");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Optional.of("is an Excel 97-2003 workbook (.xls): save it as CSV first");
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return Optional.of("is UTF-16 text: save it as CSV in UTF-8");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return Optional.of("is a PDF document, not a CSV file");
        }
        if (containsNul(firstLine(head)) || controlBytes(head) > Math.max(8, head.length / 100)) {
            return Optional.of("is not a text file (it holds control bytes): save it as CSV in UTF-8");
        }
        return Optional.empty();
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Bytes that no text we read uses: C0 controls other than tab, line feed, vertical tab, form feed, CR and ESC. */
    private static int controlBytes(byte[] head) {
        int count = 0;
        for (byte b : head) {
            if ((b >= 0 && b <= 8) || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F)) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] firstLine(byte[] head) {
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        return Arrays.copyOf(head, end);
    }
}
