package com.asan.audience.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords as NIST SP 800-63B asks: 8 to 200 characters, none of the 10,000 most common passwords (Mark Burnett's
 * list, shipped in the jar as {@code security/common-passwords.txt}), and nothing taken from the member's email
 * name or the account's name. No rules on character classes.
 */
final class PasswordPolicy {

    static final int MIN = 8;
    static final int MAX = 200;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    static Optional<String> problem(String password, String email, String accountName) {
        if (password.length() < MIN || password.length() > MAX) {
            return Optional.of("must be between " + MIN + " and " + MAX + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            return Optional.of("is one of the 10,000 most common passwords; choose a less guessable one");
        }
        if (email != null && email.indexOf('@') > 0
                && containsAPart(folded, email.substring(0, email.indexOf('@')), 3)) {
            return Optional.of("must not contain the name of your email address");
        }
        if (accountName != null && containsAPart(folded, accountName, 4)) {
            return Optional.of("must not contain the account's name");
        }
        return Optional.empty();
    }

    /** Whether the password holds the whole name, or one of its words of at least {@code shortest} characters. */
    private static boolean containsAPart(String folded, String name, int shortest) {
        String whole = name.toLowerCase(Locale.ROOT).strip();
        if (whole.length() >= shortest && folded.contains(whole)) {
            return true;
        }
        for (String word : whole.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= shortest && folded.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
