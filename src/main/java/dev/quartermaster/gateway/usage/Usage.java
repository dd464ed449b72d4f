package dev.quartermaster.gateway.usage;

import dev.quartermaster.gateway.usage.UsageStore.LimitRow;
import dev.quartermaster.gateway.usage.UsageStore.WindowRow;
import dev.quartermaster.platform.CsvWriter;
import dev.quartermaster.platform.Usd;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Usage and spend as metering recorded them: a user's own, and everyone's for admins. */
@Service
public class Usage {

    public static final int MAX_PAGE = 200;
    static final int FETCH_SIZE = 1000;
    static final List<String> CSV_HEADER = List.of("id", "created_at", "request_id", "attempt", "user_id",
            "api_key_id", "model", "provider", "profile_id", "key_source", "input_tokens", "cached_input_tokens",
            "cache_write_tokens", "output_tokens", "reasoning_tokens", "pricing_entry_id", "pricing_version",
            "cost_usd", "status", "latency_ms", "ttft_ms", "streamed", "estimated", "usage_unknown");

    private final UsageStore store;
    private final TransactionTemplate readOnly;

    Usage(UsageStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The windows and the limits are read in one transaction, so they describe one moment. */
    public OwnUsage own(UUID userId) {
        return readOnly.execute(status -> {
            Map<String, WindowRow> windows = store.windows(userId);
            LimitRow limits = store.limits(userId);
            List<OwnUsage.ModelUsage> byModel = store.thisMonthByModelRows(userId).stream()
                    .map(m -> new OwnUsage.ModelUsage(m.model(), m.requests(), m.inputTokens(), m.outputTokens(),
                            Usd.ofNano(m.spentNano())))
                    .toList();
            return new OwnUsage("USD", window(windows.get("day"), tighter(limits.adminDay(), limits.personalDay())),
                    window(windows.get("month"), tighter(limits.adminMonth(), limits.personalMonth())), byModel);
        });
    }

    public List<UsageGroup> groups(UsageFilter filter, Grouping grouping) {
        return store.groupRows(filter, grouping);
    }

    /** What {@link #groups} says for day, model, provider and key source, read at once. */
    public Breakdown breakdown(UsageFilter filter) {
        return store.breakdownRows(filter);
    }

    public RequestPage requests(UsageFilter filter, RequestCursor after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit " + limit);
        }
        List<LedgerEntry> rows = store.requestRows(filter, after, limit + 1);
        if (rows.size() <= limit) {
            return new RequestPage(rows, null);
        }
        LedgerEntry last = rows.get(limit - 1);
        return new RequestPage(rows.subList(0, limit), new RequestCursor(last.createdAt(), last.id()).encoded());
    }

    /**
     * The matching ledger rows as CSV, oldest first, written to {@code out} as they are read: memory
     * holds one fetch of rows and one buffer, whatever the ledger's size. Cells a spreadsheet would run
     * as a formula are neutralised (a model or provider name is chosen by whoever set up the catalog).
     */
    public void writeLedgerCsv(UsageFilter filter, OutputStream out) {
        readOnly.executeWithoutResult(status -> {
            try {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                CsvWriter csv = new CsvWriter(writer);
                csv.row(CSV_HEADER);
                store.eachLedgerRow(filter, FETCH_SIZE, entry -> {
                    try {
                        csv.row(cells(entry));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<String> cells(LedgerEntry e) {
        return Arrays.asList(String.valueOf(e.id()), e.createdAt().toString(), e.requestId(),
                String.valueOf(e.attempt()), text(e.userId()), text(e.apiKeyId()), e.model(), e.provider(),
                text(e.profileId()), e.keySource(), text(e.inputTokens()), text(e.cachedInputTokens()),
                text(e.cacheWriteTokens()), text(e.outputTokens()), text(e.reasoningTokens()),
                text(e.pricingEntryId()), text(e.pricingVersion()), e.cost().toPlainString(),
                String.valueOf(e.status()), text(e.latencyMs()), text(e.ttftMs()), String.valueOf(e.streamed()),
                String.valueOf(e.estimated()), String.valueOf(e.usageUnknown()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static OwnUsage.Window window(WindowRow row, Long limitNano) {
        WindowRow w = row == null ? WindowRow.EMPTY : row;
        BigDecimal limit = limitNano == null ? null : Usd.ofNano(limitNano);
        return new OwnUsage.Window(Usd.ofNano(w.spent()), Usd.ofNano(w.reserved()), limit);
    }

    /** The tighter of two limits, where null is none: an admin's and the user's own cap. */
    static Long tighter(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
