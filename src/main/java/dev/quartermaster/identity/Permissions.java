package dev.quartermaster.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Permission names. Administration needs them; what every signed-in user may do for themselves
 * (their preferences, keys, connections and the model lists) needs none.
 */
public final class Permissions {

    public static final String AI_PROVIDERS_READ = "aiProviders.read";
    public static final String AI_PROVIDERS_CREATE = "aiProviders.create";
    public static final String AI_PROVIDERS_UPDATE = "aiProviders.update";
    public static final String AI_PROVIDERS_DELETE = "aiProviders.delete";
    public static final String MODELS_READ = "models.read";
    public static final String MODELS_CREATE = "models.create";
    public static final String MODELS_UPDATE = "models.update";
    public static final String MODELS_DELETE = "models.delete";
    public static final String USERS_READ = "users.read";
    public static final String USERS_CREATE = "users.create";
    public static final String USERS_UPDATE = "users.update";
    public static final String USERS_DELETE = "users.delete";
    public static final String INTEGRATIONS_READ = "integrations.read";
    public static final String INTEGRATIONS_CREATE = "integrations.create";
    public static final String INTEGRATIONS_UPDATE = "integrations.update";
    public static final String INTEGRATIONS_DELETE = "integrations.delete";
    public static final String AUDIT_READ = "audit.read";
    /** Spend and usage of every user, and the request log (metadata only); {@link #AUDIT_READ} also allows it. */
    public static final String USAGE_READ = "usage.read";

    public static final Set<String> ALL = Set.copyOf(new LinkedHashSet<>(List.of(
            AI_PROVIDERS_READ, AI_PROVIDERS_CREATE, AI_PROVIDERS_UPDATE, AI_PROVIDERS_DELETE,
            MODELS_READ, MODELS_CREATE, MODELS_UPDATE, MODELS_DELETE,
            USERS_READ, USERS_CREATE, USERS_UPDATE, USERS_DELETE,
            INTEGRATIONS_READ, INTEGRATIONS_CREATE, INTEGRATIONS_UPDATE, INTEGRATIONS_DELETE,
            AUDIT_READ, USAGE_READ)));

    private Permissions() {
    }
}
