package dev.quartermaster.audit;

import dev.quartermaster.identity.Caller;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Records actions in the caller's transaction, so an entry exists exactly when the change does.
 * Callers pass only what may be shown to an auditor: a secret is recorded as "set" or "cleared".
 */
@Service
public class AuditLog {

    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    public void record(Caller actor, String action, String targetType, String targetId, Map<String, ?> details) {
        store.insert(actor.userId(), actor.username(), action, targetType, targetId, details);
    }

    /**
     * What to look for, each part skipped when null: the actor's name, the action, the target, and the
     * time range ({@code from} inclusive, {@code to} exclusive).
     */
    public record Filter(String actor, String action, String targetType, String targetId, OffsetDateTime from,
                         OffsetDateTime to) {

        public static Filter target(String targetType, String targetId) {
            return new Filter(null, null, targetType, targetId, null, null);
        }
    }

    /** Newest first; {@code beforeId} pages backwards. */
    public List<AuditEntry> find(String targetType, String targetId, Long beforeId, int limit) {
        return find(Filter.target(targetType, targetId), beforeId, limit);
    }

    /** Newest first; {@code beforeId} pages backwards. */
    public List<AuditEntry> find(Filter filter, Long beforeId, int limit) {
        return store.find(filter, beforeId, limit);
    }
}
