package dev.quartermaster.console.pages;

import dev.quartermaster.audit.AuditEntry;
import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit log, newest first, as {@code GET /api/v1/system/audit} reads it (audit.read): filtered by
 * actor, action, target and a time range in UTC, 50 entries a page, "older" paging by entry id.
 */
@Controller
@Hidden
@RequestMapping("/console/audit")
class AuditPage {

    static final int PAGE_SIZE = 50;

    /** The filter as the form shows it (times as {@code datetime-local} text, UTC). */
    record Form(String actor, String action, String targetType, String targetId, String from, String to) {
    }

    private final AuditLog log;

    AuditPage(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @RequiresPermission(Permissions.AUDIT_READ)
    ModelAndView list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                      @RequestParam(defaultValue = "") String targetType, @RequestParam(defaultValue = "") String targetId,
                      @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                      @RequestParam(required = false) Long before) {
        Form form = new Form(actor.strip(), action.strip(), targetType.strip(), targetId.strip(), from.strip(), to.strip());
        AuditLog.Filter filter = new AuditLog.Filter(blank(form.actor()), blank(form.action()), blank(form.targetType()),
                blank(form.targetId()), time("from", form.from()), time("to", form.to()));
        List<AuditEntry> found = log.find(filter, before, PAGE_SIZE + 1);
        List<AuditEntry> page = found.subList(0, Math.min(PAGE_SIZE, found.size()));
        return new ModelAndView("console/audit").addObject("form", form).addObject("entries", page)
                .addObject("older", found.size() > PAGE_SIZE ? page.getLast().id() : null)
                .addObject("paged", before != null);
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }

    /** A {@code datetime-local} value, read as UTC; or an ISO instant with its offset. */
    private static OffsetDateTime time(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() <= 19 ? LocalDateTime.parse(text).atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date and time in UTC, such as 2026-12-03T09:30");
        }
    }
}
