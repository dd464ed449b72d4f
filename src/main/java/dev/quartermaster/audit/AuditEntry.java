package dev.quartermaster.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One recorded action: who, when, what, on which target, and what changed (never a secret). */
public record AuditEntry(long id, OffsetDateTime at, UUID actorId, String actorName, String action,
                         String targetType, String targetId, Map<String, Object> details) {
}
