package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Every address against every needle: the column's split answer equals plain matching on the whole address. */
class EmailColumnTest {

    static final List<String> EMAILS = List.of("ann@example.com", "ann.b@gmail.com", "x@y.ca", "a@b@c.com", "noat",
            "gmail@outlook.com", "élo@exemple.fr", "bob@", "@gmail.com", "nn@ex.com");
    static final List<String> NEEDLES = List.of("", "ann@example.com", "example", "gmail", "@", "b@", "@c", "a@b",
            "x@y.ca", "n@ex", "n@g", "an@ex", "b@c.com", "noat", "no", "é", "bob@", "@gmail.com", "a", "com",
            "ann", "ann.b@", "nn@", "@ex", "a@b@c.com", "b@c");

    @Test
    void answersEveryCheckLikeMatchingTheWholeAddress() {
        EmailColumn column = new EmailColumn();
        List<String> emails = new java.util.ArrayList<>();
        for (int ordinal = 0; ordinal < EMAILS.size(); ordinal++) {
            column.set(ordinal, "placeholder" + ordinal + "@x.org");
            column.set(ordinal, EMAILS.get(ordinal));
            emails.add(EMAILS.get(ordinal));
        }
        column.set(EMAILS.size(), "gone@example.com");
        column.clear(EMAILS.size());
        emails.add(null);
        checkAll(column, emails, NEEDLES);
        checkAll(column, emails, List.of("n@g", "gmail", "a@b", "ann", "@"));
        // kept results must follow later writes: rotate the addresses, drop one and add one, then ask again
        for (int round = 1; round <= 3; round++) {
            for (int ordinal = 0; ordinal < EMAILS.size(); ordinal++) {
                String email = EMAILS.get((ordinal + round) % EMAILS.size());
                column.set(ordinal, email);
                emails.set(ordinal, email);
            }
            column.clear(round);
            emails.set(round, null);
            column.set(emails.size(), "ann@example.com");
            emails.add("ann@example.com");
            // five needles, three checks each: fewer than the column keeps, so these are answered from kept results
            checkAll(column, emails, List.of("n@g", "gmail", "a@b", "ann", "@"));
        }
        checkAll(column, emails, NEEDLES);
    }

    private static void checkAll(EmailColumn column, List<String> emails, List<String> needles) {
        for (String needle : needles) {
            assertSame(column.containing(needle), String::contains, needle, "contains", emails);
            assertSame(column.startingWith(needle), String::startsWith, needle, "starts_with", emails);
            assertSame(column.equalToAny(Set.of(needle)), String::equals, needle, "is", emails);
        }
    }

    private static void assertSame(RoaringBitmap actual, BiPredicate<String, String> check, String needle,
                                   String operator, List<String> emails) {
        Set<Integer> expected = new TreeSet<>();
        for (int ordinal = 0; ordinal < emails.size(); ordinal++) {
            if (emails.get(ordinal) != null && check.test(emails.get(ordinal), needle)) {
                expected.add(ordinal);
            }
        }
        Set<Integer> found = new TreeSet<>();
        actual.forEach((int ordinal) -> found.add(ordinal));
        assertThat(found).as(operator + " '" + needle + "'").isEqualTo(expected);
    }
}
