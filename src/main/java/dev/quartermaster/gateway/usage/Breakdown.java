package dev.quartermaster.gateway.usage;

import java.util.List;

/** The same totals four ways: by day (oldest first), and by model, provider and key source (most spent first). */
public record Breakdown(List<UsageGroup> days, List<UsageGroup> models, List<UsageGroup> providers,
                        List<UsageGroup> keySources) {
}
