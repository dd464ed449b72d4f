package dev.quartermaster.identity;

import java.util.Map;

/**
 * An administrative change of identity (users, groups, tiers, keys, rate limits), published as an
 * application event inside the change's transaction. The audit module, which sits above identity
 * and so cannot be called from it, records each one synchronously in that same transaction: if
 * recording fails, the change is rolled back. {@code details} say what changed, never a secret.
 */
public record AdminChange(Caller actor, String action, String targetType, String targetId, Map<String, Object> details) {

    public AdminChange {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
