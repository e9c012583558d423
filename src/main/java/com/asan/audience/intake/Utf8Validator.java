package com.asan.audience.intake;

/** Checks, block by block, whether a byte stream is well-formed UTF-8 (sequences may span blocks). */
final class Utf8Validator {

    private int pending;
    private boolean valid = true;
    private boolean sawNonAscii;

    void update(byte[] bytes, int length) {
        for (int i = 0; i < length && valid; i++) {
            int b = bytes[i] & 0xFF;
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    valid = false;
                }
                pending--;
            } else if (b >= 0x80) {
                sawNonAscii = true;
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                } else {
                    valid = false;
                }
            }
        }
    }

    /** Well-formed so far and not cut inside a sequence. */
    boolean valid() {
        return valid && pending == 0;
    }

    boolean sawNonAscii() {
        return sawNonAscii;
    }
}
