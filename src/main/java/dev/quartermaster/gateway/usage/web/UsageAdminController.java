package dev.quartermaster.gateway.usage.web;

import dev.quartermaster.gateway.usage.Grouping;
import dev.quartermaster.gateway.usage.RequestCursor;
import dev.quartermaster.gateway.usage.RequestPage;
import dev.quartermaster.gateway.usage.Usage;
import dev.quartermaster.gateway.usage.UsageFilter;
import dev.quartermaster.gateway.usage.UsageGroup;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.Envelope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/system/usage}: everyone's usage for admins holding {@code usage.read} (or
 * {@code audit.read}, which allowed reading all activity before): totals grouped by day, model, user
 * or provider; the request log, one item per upstream attempt, newest first; and the ledger as CSV.
 * Filters: {@code user}, {@code model}, {@code provider}, {@code key_source}, {@code from} and
 * {@code to} (UTC days, both included).
 */
@RestController
@RequestMapping("/api/v1/system/usage")
@RequiresPermission(value = Permissions.USAGE_READ, or = Permissions.AUDIT_READ)
class UsageAdminController {

    /** The filters every endpoint here takes, as query parameters. */
    record Filters(String user, String model, String provider, @BindParam("key_source") String keySource, String from,
                   String to) {

        UsageFilter in(UsageParams params) {
            return params.filter(user, model, provider, keySource, from, to);
        }
    }

    private final Usage usage;

    UsageAdminController(Usage usage) {
        this.usage = usage;
    }

    @GetMapping
    Envelope<List<UsageGroup>> totals(@ParameterObject Filters filters,
                                      @RequestParam(name = "group_by", required = false) String groupBy) {
        UsageParams params = new UsageParams();
        UsageFilter filter = filters.in(params);
        Grouping grouping = params.grouping(groupBy);
        params.check();
        return Envelope.of(usage.groups(filter, grouping));
    }

    @GetMapping("/requests")
    RequestPage requests(@ParameterObject Filters filters,
                         @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String limit) {
        UsageParams params = new UsageParams();
        UsageFilter filter = filters.in(params);
        RequestCursor after = params.cursor(cursor);
        int size = params.limit(limit);
        params.check();
        return usage.requests(filter, after, size);
    }

    /** Streamed as it is read; a bad filter is refused before the first byte. */
    @GetMapping("/ledger.csv")
    void ledger(@ParameterObject Filters filters,
                HttpServletResponse response) throws IOException {
        UsageParams params = new UsageParams();
        UsageFilter filter = filters.in(params);
        params.check();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"ledger-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        usage.writeLedgerCsv(filter, response.getOutputStream());
    }
}
