package dev.quartermaster.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A partial update as sent: a field that is absent stays unchanged, a field sent as {@code null}
 * is cleared (RFC 7396). Type errors are collected per field and raised together by {@link #validate()}.
 * Whole bodies (creates, PUTs) bind {@link CheckedBody} records instead; the catalog's v5 items are
 * patches too, onto an empty model when they create one.
 */
public final class PatchRequest {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal(Money.MAX);

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private PatchRequest(JsonNode body) {
        this.body = body;
    }

    public static PatchRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return new PatchRequest(body);
    }

    /** Refuses every field outside {@code fields}: for bodies where a typo would otherwise mean "no value". */
    public PatchRequest allowOnly(java.util.Set<String> fields) {
        for (String field : body.propertyNames()) {
            if (!fields.contains(field)) {
                reject(new FieldError(field, "is not a field of this request; expected " + fields.stream().sorted().toList()));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    public String string(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            return reject(field, "must be a string");
        }
        return node.stringValue();
    }

    /** A string of at most {@code maxLength} characters, or null. */
    public String stringAtMost(String field, int maxLength) {
        String value = string(field);
        if (value != null && value.length() > maxLength) {
            return reject(field, Text.atMost(maxLength));
        }
        return value;
    }

    public Boolean bool(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isBoolean() ? node.booleanValue() : reject(field, "must be true or false");
    }

    public Integer integer(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isInt() ? node.intValue() : reject(field, "must be an integer");
    }

    /** A non-negative amount with at most two decimals (money), or null. */
    public BigDecimal amount(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            return reject(field, "must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            return reject(field, Money.RULE);
        }
        return value.setScale(2);
    }

    public UUID uuid(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return reject(field, "must be a UUID");
        }
    }

    public List<String> strings(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            return reject(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isString()) {
                return reject(field + "[" + i + "]", "must be a string");
            }
            values.add(node.get(i).stringValue());
        }
        return values;
    }

    /** A list of UUIDs without repeats (empty when absent), each malformed one an error of its own. */
    public List<UUID> uuids(String field) {
        List<String> texts = strings(field);
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; texts != null && i < texts.size(); i++) {
            try {
                ids.add(UUID.fromString(texts.get(i)));
            } catch (IllegalArgumentException e) {
                reject(field + "[" + i + "]", "must be a UUID");
            }
        }
        return List.copyOf(ids);
    }

    public JsonNode node(String field) {
        return body.get(field);
    }

    /** Records a field's error; a field keeps only its first one. */
    public void reject(FieldError error) {
        if (errors.stream().noneMatch(e -> e.field().equals(error.field()))) {
            errors.add(error);
        }
    }

    /** Raises every collected field error at once, if there is any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private <T> T reject(String field, String message) {
        reject(new FieldError(field, message));
        return null;
    }
}
