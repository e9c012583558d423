package com.asan.audience.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Dates and times the API accepts: years 1 to 9999, which PostgreSQL and every index can hold. */
public final class Timestamps {

    public static final String RANGE = "years 0001 to 9999";

    private Timestamps() {
    }

    public static boolean storable(OffsetDateTime value) {
        return value.getYear() >= 1 && value.getYear() <= 9999;
    }

    public static boolean storable(LocalDate value) {
        return value.getYear() >= 1 && value.getYear() <= 9999;
    }
}
