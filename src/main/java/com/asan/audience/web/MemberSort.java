package com.asan.audience.web;

import com.asan.audience.lead.LeadQueries;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The member table's sort parameter; an unknown value falls back to newest first (by id). */
final class MemberSort {

    static final List<String> NAMES = Arrays.stream(LeadQueries.MemberOrder.values())
            .map(order -> order.name().toLowerCase(Locale.ROOT)).toList();

    private MemberSort() {
    }

    static LeadQueries.MemberOrder parse(String value) {
        return Arrays.stream(LeadQueries.MemberOrder.values()).filter(order -> order.name().equalsIgnoreCase(value))
                .findFirst().orElse(LeadQueries.MemberOrder.NEWEST);
    }
}
