package com.asan.audience.shared;

/** A validated page request: page counts from 0, size between 1 and 500, and the offset fits an int. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "must be at most " + Integer.MAX_VALUE / s + " for pages of " + s);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
