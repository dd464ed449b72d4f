package dev.quartermaster.gateway.usage.web;

import dev.quartermaster.gateway.usage.Grouping;
import dev.quartermaster.gateway.usage.RequestCursor;
import dev.quartermaster.gateway.usage.Usage;
import dev.quartermaster.gateway.usage.UsageFilter;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The admin usage API's query parameters, read by hand so that every bad one is reported at once,
 * by name, as a 400; a parameter left out (or empty) does not filter.
 */
final class UsageParams {

    private final List<FieldError> errors = new ArrayList<>();

    UsageFilter filter(String user, String model, String provider, String keySource, String from, String to) {
        UUID userId = uuid("user", user);
        String source = blank(keySource) ? null : keySource;
        if (source != null && !UsageFilter.KEY_SOURCES.contains(source)) {
            errors.add(new FieldError("key_source", "must be byok or managed"));
            source = null;
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add(new FieldError("from", "must not be after to"));
            toDay = null;
        }
        return new UsageFilter(userId, blank(model) ? null : model, blank(provider) ? null : provider, source,
                fromDay, toDay);
    }

    Grouping grouping(String groupBy) {
        if (blank(groupBy)) {
            return Grouping.DAY;
        }
        try {
            return Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("group_by", "must be day, model, user or provider"));
            return Grouping.DAY;
        }
    }

    int limit(String limit) {
        if (blank(limit)) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= Usage.MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + Usage.MAX_PAGE));
        return 1;
    }

    RequestCursor cursor(String cursor) {
        if (blank(cursor)) {
            return null;
        }
        try {
            return RequestCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "must be a nextCursor of this log"));
            return null;
        }
    }

    /** Throws the 400 when any parameter was bad. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private UUID uuid(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return null;
        }
    }

    private LocalDate day(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (yyyy-mm-dd, UTC)"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
