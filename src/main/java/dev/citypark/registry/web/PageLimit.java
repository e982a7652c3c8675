package dev.citypark.registry.web;

import dev.citypark.core.InvalidValueException;

/** The {@code limit} of a paged list: 1..{@value #MAX}, {@value #DEFAULT} when absent. */
final class PageLimit {

    static final int DEFAULT = 100;
    static final int MAX = 1000;

    private PageLimit() {
    }

    static int parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidValueException("limit", "limit must be an integer from 1 to " + MAX);
        }
        if (limit < 1 || limit > MAX) {
            throw new InvalidValueException("limit", "limit must be from 1 to " + MAX + ", was " + limit);
        }
        return limit;
    }
}
