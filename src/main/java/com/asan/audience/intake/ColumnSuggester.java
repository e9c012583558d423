package com.asan.audience.intake;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Suggests a target for each column from its header, and a type for a new custom field from sample values. */
final class ColumnSuggester {

    static final int MAX_SELECT_OPTIONS = 200;
    private static final int SELECT_IN_SAMPLE = 20;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+([.]\\d*)?|[.]\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, String> HEADER_WORDS = headerWords();

    private ColumnSuggester() {
    }

    /** A proposed new custom field for a column: key, label, inferred type and, for select, the options seen. */
    record FieldProposal(String key, String label, FieldType type, List<String> options) {
    }

    static String suggestTarget(String header, Map<String, CustomFieldDefinition> fields) {
        String folded = fold(header);
        String standard = HEADER_WORDS.get(folded);
        if (standard != null) {
            return standard;
        }
        for (CustomFieldDefinition field : fields.values()) {
            if (fold(field.key()).equals(folded) || fold(field.label()).equals(folded)) {
                return ImportOptions.CUSTOM_PREFIX + field.key();
            }
        }
        return null;
    }

    static FieldProposal propose(String header, List<String> values) {
        return new FieldProposal(slug(header), header.strip(), inferType(values), selectOptions(values));
    }

    static FieldType inferType(List<String> values) {
        List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (present.isEmpty()) {
            return FieldType.TEXT;
        }
        if (present.stream().allMatch(v -> NUMBER.matcher(v).matches())) {
            return FieldType.NUMBER;
        }
        if (present.stream().allMatch(v -> DATE.matcher(v).matches())) {
            return FieldType.DATE;
        }
        if (present.stream().allMatch(v -> ValueParsers.parseBoolean(v) != null)) {
            return FieldType.BOOLEAN;
        }
        Set<String> distinct = new LinkedHashSet<>();
        present.forEach(v -> distinct.add(v.toLowerCase(Locale.ROOT)));
        if (distinct.size() <= SELECT_IN_SAMPLE && present.size() >= 2 * distinct.size()) {
            return FieldType.SELECT;
        }
        return FieldType.TEXT;
    }

    /** Distinct values in first-seen spelling, letter case folded. */
    static List<String> selectOptions(List<String> values) {
        Map<String, String> distinct = new LinkedHashMap<>();
        values.stream().map(String::strip).filter(v -> !v.isEmpty())
                .forEach(v -> distinct.putIfAbsent(v.toLowerCase(Locale.ROOT), v));
        return new ArrayList<>(distinct.values());
    }

    static String slug(String header) {
        String slug = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "f_" + slug;
        }
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, String> headerWords() {
        Map<String, String> words = new LinkedHashMap<>();
        put(words, "email", "email", "e-mail", "emailaddress", "mail", "e-mail address");
        put(words, "firstName", "firstname", "first", "givenname", "forename");
        put(words, "lastName", "lastname", "last", "surname", "familyname");
        put(words, "fullName", "name", "fullname", "contactname", "leadname");
        put(words, "phone", "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "cellphone");
        put(words, "phoneType", "phonetype", "contact", "contacttype", "linetype", "numbertype");
        put(words, "status", "status", "leadstatus", "stage", "temperature");
        put(words, "tags", "tags", "tag", "labels", "label");
        put(words, "assignedTo", "assignedto", "agent", "owner", "assignee", "agentemail", "assignedagent");
        put(words, "createdAt", "createdat", "created", "datecreated", "createddate", "dateadded", "signupdate");
        return words;
    }

    private static void put(Map<String, String> words, String target, String... headers) {
        for (String header : headers) {
            words.put(fold(header), target);
        }
    }
}
