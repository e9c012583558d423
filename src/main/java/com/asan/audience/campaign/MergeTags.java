package com.asan.audience.campaign;

import com.asan.audience.lead.LeadView;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code {{first_name}}}, {@code {{custom.city}}} and {@code {{first_name|there}}} (with a fallback). */
final class MergeTags {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(?:\\|([^}]*))?}}");

    private MergeTags() {
    }

    static String apply(String template, LeadView lead, UnaryOperator<String> escape) {
        if (template == null) {
            return null;
        }
        Matcher matcher = TAG.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1), lead);
            if (value == null || value.isBlank()) {
                value = matcher.group(2) == null ? "" : matcher.group(2).strip();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String value(String name, LeadView lead) {
        return switch (name) {
            case "first_name" -> lead.firstName();
            case "last_name" -> lead.lastName();
            case "email" -> lead.email();
            case "phone" -> lead.phone();
            default -> {
                if (name.startsWith("custom.")) {
                    Object value = lead.customFields().get(name.substring("custom.".length()));
                    yield value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString()
                            : value.toString();
                }
                yield null;
            }
        };
    }
}
