package dev.switchboard.thread.listing;

import dev.switchboard.platform.web.error.ApiException;

/** Seed 001's query parameters, checked: each wrong one is a 400 naming it. */
public final class ListingParameters {

    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 100;

    private ListingParameters() {}

    /** Default 10; above 100 clamped to 100; below 1 or not a whole number rejected. */
    public static int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        long size = wholeNumber(value, "pageSize", "pageSize must be a whole number from 1 to 100");
        if (size < 1) {
            throw ApiException.invalid("pageSize must be at least 1 (values above 100 are clamped to 100)", "pageSize");
        }
        return (int) Math.min(size, MAX_PAGE_SIZE);
    }

    /** Legacy zero-indexed page, default 0. */
    public static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        long page = wholeNumber(value, "page", "page must be a whole number >= 0");
        if (page < 0 || page > 1_000_000) {
            throw ApiException.invalid("page must be a whole number from 0 to 1000000", "page");
        }
        return (int) page;
    }

    public static long skillId(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        long id = wholeNumber(value, "agentNumericId", "agentNumericId must be a whole number >= 0");
        if (id < 0) {
            throw ApiException.invalid("agentNumericId must be a whole number >= 0", "agentNumericId");
        }
        return id;
    }

    public static Timeframe timeframe(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Timeframe.parse(value.trim())
                .orElseThrow(
                        () -> ApiException.invalid("timeframe must be one of: " + Timeframe.allowed(), "timeframe"));
    }

    public static boolean includeTools(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.invalid("includeTools must be true or false", "includeTools");
    }

    /** A filter value: absent when blank, at most 255 characters. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 255) {
            throw ApiException.invalid(field + " must be at most 255 characters", field);
        }
        return value;
    }

    private static long wholeNumber(String value, String field, String message) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(message, field);
        }
    }
}
