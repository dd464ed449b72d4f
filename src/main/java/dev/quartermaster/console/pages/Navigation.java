package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import java.util.List;

/** The pages of the console and what each needs, in menu order; a caller sees only those they may open. */
final class Navigation {

    /** {@code permission}: null for a page every signed-in user has; {@code or}: another that also opens it. */
    record Item(String label, String href, String permission, String or) {

        Item(String label, String href, String permission) {
            this(label, href, permission, null);
        }

        boolean allows(Caller caller) {
            return permission == null || caller.can(permission) || or != null && caller.can(or);
        }
    }

    static final List<Item> ITEMS = List.of(
            new Item("Providers", "/console/providers", Permissions.AI_PROVIDERS_READ),
            new Item("Models", "/console/models", Permissions.MODELS_READ),
            new Item("Taxonomy", "/console/taxonomy", Permissions.MODELS_READ),
            new Item("Users", "/console/users", Permissions.USERS_READ),
            new Item("Groups", "/console/groups", Permissions.USERS_READ),
            new Item("Tiers", "/console/tiers", Permissions.USERS_READ),
            new Item("API keys", "/console/keys", Permissions.USERS_READ),
            new Item("Usage", "/console/usage", Permissions.USAGE_READ, Permissions.AUDIT_READ),
            new Item("Audit log", "/console/audit", Permissions.AUDIT_READ),
            new Item("My account", "/console/account", null));

    private Navigation() {
    }

    static List<Item> of(Caller caller) {
        return caller == null ? List.of() : ITEMS.stream().filter(i -> i.allows(caller)).toList();
    }
}
