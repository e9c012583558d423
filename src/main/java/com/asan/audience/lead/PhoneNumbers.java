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
            // isValidNumber is exactly "the numbering plan gives it a type": asking for the type alone runs the
            // plan's patterns once instead of twice (they were a third of an import's reading time)
            PhoneNumberUtil.PhoneNumberType planType = UTIL.getNumberType(number);
            if (planType == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
                return Optional.empty();
            }
            String type = switch (planType) {
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
