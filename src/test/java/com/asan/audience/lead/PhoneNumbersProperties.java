package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Phone normalisation compacts plain punctuation away before parsing and asks the numbering plan for a number's type
 * once, treating "no type" as invalid; this checks it against libphonenumber's own parse of the text as written,
 * isValidNumber and getNumberType, on numbers that are valid, nearly valid and not numbers at all, in several regions.
 */
class PhoneNumbersProperties {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Property(tries = 5000)
    void agreesWithIsValidNumberThenGetNumberType(@ForAll("rawNumbers") String raw, @ForAll("regions") String region) {
        assertThat(PhoneNumbers.normalize(raw, region)).as("%s in %s", raw, region)
                .isEqualTo(withIsValidNumber(raw, region));
    }

    private static Optional<PhoneNumbers.Normalized> withIsValidNumber(String raw, String region) {
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
            return Optional.of(new PhoneNumbers.Normalized(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    type));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("CA", "US", "GB", "DE", "FR", "IR", "IN", "AU", "BR", "JP");
    }

    @Provide
    Arbitrary<String> rawNumbers() {
        Arbitrary<String> prefix = Arbitraries.of("", "+", "+1 ", "+44 ", "+49 ", "+33 ", "+98 ", "+91 ", "+61 ",
                "00", "0", "(", "+800 ", "+979 ");
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> separated = digits.map(d -> d.length() > 6 ? d.substring(0, 3) + " " + d.substring(3, 6)
                + "-" + d.substring(6) : d);
        // what compacting removes, anywhere: the result must still be libphonenumber's on the text as written
        Arbitrary<String> punctuated = Combinators.combine(digits, Arbitraries.strings().withChars(" .-()+x#/")
                .ofMaxLength(3).list().ofSize(4)).as((d, cuts) -> {
                    StringBuilder text = new StringBuilder(cuts.get(0));
                    for (int i = 0; i < d.length(); i++) {
                        text.append(d.charAt(i));
                        if (i % 4 == 3) {
                            text.append(cuts.get(1 + (i / 4) % 3));
                        }
                    }
                    return text.toString();
                });
        Arbitrary<String> examples = Arbitraries.of("+1 416 555 0199", "(416) 234-5678", "+44 7700 900123",
                "020 7946 0958", "+49 1512 3456789", "+98 912 345 6789", "06 12 34 56 78", "+1 800 555 0100",
                "not a phone", "", "416-234-5678 ext. 12", "+1 416 234 5678", "+44 (0) 20 7946 0958", " +1.416.555.0199 ",
                "(+44) 20 7946 0958", "+ 1 (416) 555-0199", "+49 (0)1512 3456789", "0049 1512 3456789", "++1 416 555 0199",
                " ".repeat(240) + "+1 416 555 0199", "+1 416 555 0199" + " ".repeat(240), "+", "()", "1 2");
        return Arbitraries.oneOf(examples, Combinators.combine(prefix, separated).as(String::concat),
                Combinators.combine(prefix, punctuated).as(String::concat));
    }
}
