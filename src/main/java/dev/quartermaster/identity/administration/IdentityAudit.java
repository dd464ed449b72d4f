package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.AdminChange;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.store.ApiKeyView;
import dev.quartermaster.identity.store.GroupRef;
import dev.quartermaster.identity.store.GroupView;
import dev.quartermaster.identity.store.RateLimitView;
import dev.quartermaster.identity.store.UserView;
import dev.quartermaster.platform.FieldChanges;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Describes identity's changes for the audit log and publishes them as {@link AdminChange}s, in the
 * change's transaction. Passwords appear only as "set" or "cleared"; keys only by id and name.
 */
@Component
class IdentityAudit {

    private final ApplicationEventPublisher events;

    IdentityAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(Caller actor, String action, String type, Object target, Map<String, Object> details) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an audited change must run in a transaction");
        }
        events.publishEvent(new AdminChange(actor, action, type, String.valueOf(target), details));
    }

    /** An update's entry, only if something changed. */
    void recordChanges(Caller actor, String type, Object target, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = FieldChanges.between(before, after);
        if (!changed.isEmpty()) {
            record(actor, "update", type, target, changed);
        }
    }

    static Map<String, Object> user(UserView user) {
        return FieldChanges.of("username", user.username(), "displayName", user.displayName(), "tier", user.tier(),
                "permissions", user.permissions(), "groups", user.groups().stream().map(GroupRef::name).sorted().toList());
    }

    static Map<String, Object> group(GroupView group) {
        return FieldChanges.of("name", group.name(), "description", group.description(),
                "permissions", group.permissions().stream().sorted().toList(), "members", group.memberIds().size());
    }

    static Map<String, Object> tier(Tier tier) {
        return FieldChanges.of("name", tier.name(), "rank", tier.rank(), "description", tier.description(),
                "managedKeys", tier.managedKeys());
    }

    /** A key by its id (the target), owner and name; never the key, nor its prefix. */
    static Map<String, Object> key(ApiKeyView key, String username) {
        return FieldChanges.of("userId", key.userId().toString(), "username", username, "name", key.name());
    }

    static Map<String, Object> limits(RateLimitView limits) {
        return FieldChanges.of("requestsPerMinute", limits.requestsPerMinute(), "tokensPerMinute",
                limits.tokensPerMinute(), "concurrentStreams", limits.concurrentStreams());
    }
}
