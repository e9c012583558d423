package com.asan.audience.criteria;

/** How a group combines its members: all (AND), any (OR) or none (NOT OR). */
public enum Match {
    ALL, ANY, NONE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
