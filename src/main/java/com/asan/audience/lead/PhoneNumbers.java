package com.asan.audience.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Normalises phone numbers to E.164 and reads the line type from the numbering plan when the plan tells. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    record Normalized(String e164, String derivedType) {
    }

    private PhoneNumbers() {
    }

    /** Empty when the text is not a valid number for the region (or its own +country prefix). */
    static Optional<Normalized> normalize(String raw, String region) {
        try {
            PhoneNumber number = UTIL.parse(raw, region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            String type = switch (UTIL.getNumberType(number)) {
                case MOBILE -> "mobile";
                case FIXED_LINE -> "landline";
                default -> "unknown";
            };
            return Optional.of(new Normalized(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), type));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
