package dev.quartermaster.audit.web;

import dev.quartermaster.audit.AuditEntry;
import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Envelope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/system/audit}: recorded actions, newest first, for holders of {@code audit.read};
 * filtered by target, actor, action and time range ({@code from} inclusive, {@code to} exclusive).
 */
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/system/audit")
    @RequiresPermission(Permissions.AUDIT_READ)
    Envelope<List<AuditEntry>> list(@RequestParam(required = false) String targetType,
                                    @RequestParam(required = false) String targetId,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                    @RequestParam(required = false) @Min(1) Long beforeId,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return Envelope.of(log.find(new AuditLog.Filter(actor, action, targetType, targetId, from, to), beforeId, limit));
    }
}
