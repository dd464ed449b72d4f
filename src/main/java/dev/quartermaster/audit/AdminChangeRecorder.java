package dev.quartermaster.audit;

import dev.quartermaster.identity.AdminChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records identity's {@link AdminChange}s. A plain (synchronous) listener on purpose: it runs in the
 * publisher's thread and transaction, so the entry commits or rolls back with the change.
 */
@Component
class AdminChangeRecorder {

    private final AuditLog log;

    AdminChangeRecorder(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AdminChange change) {
        log.record(change.actor(), change.action(), change.targetType(), change.targetId(), change.details());
    }
}
