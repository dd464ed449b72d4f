package dev.quartermaster.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an audit entry says changed: each field whose value differs, as {@code {"from": …, "to": …}}. */
public final class FieldChanges {

    private FieldChanges() {
    }

    public static Map<String, Object> between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", before.get(field));
                change.put("to", value);
                changed.put(field, change);
            }
        });
        return changed;
    }

    /** A map that keeps nulls and order, for describing a record to an auditor. */
    public static Map<String, Object> of(Object... fieldsAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            map.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return map;
    }

    /** An amount or a price as an auditor reads it: exact, no exponent, no trailing zeros. */
    public static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }
}
