package dev.quartermaster.audit;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.Envelope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/system/audit}: recorded actions, newest first, for holders of {@code audit.read}. */
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/system/audit")
    Envelope<List<AuditEntry>> list(Caller caller,
                                    @RequestParam(required = false) String targetType,
                                    @RequestParam(required = false) String targetId,
                                    @RequestParam(required = false) @Min(1) Long beforeId,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        caller.require(Permissions.AUDIT_READ);
        return Envelope.of(log.find(targetType, targetId, beforeId, limit));
    }
}
