package dev.quartermaster.console.pages;

import dev.quartermaster.gateway.usage.Breakdown;
import dev.quartermaster.gateway.usage.Grouping;
import dev.quartermaster.gateway.usage.LedgerEntry;
import dev.quartermaster.gateway.usage.RequestCursor;
import dev.quartermaster.gateway.usage.RequestPage;
import dev.quartermaster.gateway.usage.Usage;
import dev.quartermaster.gateway.usage.UsageFilter;
import dev.quartermaster.gateway.usage.UsageGroup;
import dev.quartermaster.identity.ApiKeys;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.FieldError;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Usage, as {@code /api/v1/system/usage} reads it (usage.read, or audit.read) and from the same
 * service: spend by day and by month (charted from the tables' numbers), by model, provider and key
 * source, the top users, and the request log, all under one set of filters (UTC days, both included;
 * the last 30 days unless chosen).
 */
@Controller
@Hidden
@RequestMapping("/console/usage")
class UsagePage {

    static final int TOP_USERS = 10;
    static final int LOG_PAGE = 50;

    /** The filters as the form shows them. */
    record Form(String from, String to, String user, String model, String provider, String keySource) {
    }

    /** Spend of one month, summed from its days. */
    record Month(YearMonth month, long requests, BigDecimal spent) {
    }

    /** A request of the log as shown: its time already in UTC text, its user by name where there is one. */
    record LogRow(String at, UUID userId, String username, String model, String provider, String keySource,
                  int status, String tokens, String cost, String latency) {

        private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

        static LogRow of(LedgerEntry e, Map<UUID, String> names) {
            return new LogRow(AT.format(e.createdAt()), e.userId(), e.userId() == null ? null : names.get(e.userId()),
                    e.model(), e.provider(), e.keySource(), e.status(),
                    (e.inputTokens() == null ? "?" : e.inputTokens()) + " / " + (e.outputTokens() == null ? "?" : e.outputTokens()),
                    e.cost() == null ? "" : e.cost().toPlainString(), e.latencyMs() == null ? "" : e.latencyMs() + " ms");
        }
    }

    /** A top user: the name if the user still exists. */
    record TopUser(UUID userId, String username, long requests, BigDecimal spent) {
    }

    private final Usage usage;
    private final ApiKeys users;

    UsagePage(Usage usage, ApiKeys users) {
        this.usage = usage;
        this.users = users;
    }

    @GetMapping
    @RequiresPermission(value = Permissions.USAGE_READ, or = Permissions.AUDIT_READ)
    ModelAndView show(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                      @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String model,
                      @RequestParam(defaultValue = "") String provider,
                      @RequestParam(name = "key_source", defaultValue = "") String keySource,
                      @RequestParam(defaultValue = "") String cursor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Form form = new Form(from.isBlank() ? today.minusDays(29).toString() : from.strip(),
                to.isBlank() ? today.toString() : to.strip(), user.strip(), model.strip(), provider.strip(), keySource.strip());
        UsageFilter filter = filter(form);
        RequestCursor after = cursor.isBlank() ? null : cursor(cursor);
        Breakdown breakdown = usage.breakdown(filter);
        List<UsageGroup> top = usage.groups(filter, Grouping.USER).stream().limit(TOP_USERS).toList();
        RequestPage log = usage.requests(filter, after, LOG_PAGE);
        Set<UUID> shown = new HashSet<>();
        top.forEach(g -> shown.add(g.userId()));
        log.data().forEach(r -> shown.add(r.userId()));
        shown.remove(null);
        Map<UUID, String> names = users.usernamesOf(shown);
        return new ModelAndView("console/usage").addObject("form", form).addObject("days", breakdown.days())
                .addObject("months", months(breakdown.days()))
                .addObject("models", breakdown.models())
                .addObject("providers", breakdown.providers())
                .addObject("sources", breakdown.keySources())
                .addObject("topUsers", top.stream().map(g -> new TopUser(g.userId(), names.get(g.userId()), g.requests(),
                        g.spent())).toList())
                .addObject("log", log.data().stream().map(r -> LogRow.of(r, names)).toList())
                .addObject("nextCursor", log.nextCursor()).addObject("paged", after != null);
    }

    private UsageFilter filter(Form form) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDay = day("from", form.from(), errors);
        LocalDate toDay = day("to", form.to(), errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        String source = form.keySource().isEmpty() ? null : form.keySource();
        if (source != null && !UsageFilter.KEY_SOURCES.contains(source)) {
            errors.add(new FieldError("key_source", "must be byok or managed"));
        }
        UUID userId = null;
        if (!form.user().isEmpty()) {
            userId = users.userIdOf(form.user()).orElse(null);
            if (userId == null) {
                errors.add(new FieldError("user", "there is no user " + form.user()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new UsageFilter(userId, blank(form.model()), blank(form.provider()), source, fromDay, toDay);
    }

    static List<Month> months(List<UsageGroup> days) {
        Map<YearMonth, long[]> requests = new TreeMap<>();
        Map<YearMonth, BigDecimal> spent = new TreeMap<>();
        for (UsageGroup d : days) {
            YearMonth month = YearMonth.from(d.day());
            requests.computeIfAbsent(month, m -> new long[1])[0] += d.requests();
            spent.merge(month, d.spent(), BigDecimal::add);
        }
        return spent.entrySet().stream().map(e -> new Month(e.getKey(), requests.get(e.getKey())[0], e.getValue())).toList();
    }

    private static LocalDate day(String field, String text, List<FieldError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a day such as 2026-12-03"));
            return null;
        }
    }

    private static RequestCursor cursor(String text) {
        try {
            return RequestCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor of this log");
        }
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }
}
