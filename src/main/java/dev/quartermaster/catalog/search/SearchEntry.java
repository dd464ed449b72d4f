package dev.quartermaster.catalog.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A model as the in-memory search index holds it: what text search reads (name, value and
 * description, lowercased), the ids it filters by, and the order of results (name, then id).
 */
public record SearchEntry(UUID id, String sortKey, String document, List<UUID> providerIds, List<UUID> departmentIds,
                   List<UUID> agentIds) {

    /** Name, then id in its text order (UUID.compareTo compares signed halves, which is not that). */
    public static final Comparator<SearchEntry> ORDER = Comparator.comparing(SearchEntry::sortKey)
            .thenComparing(SearchEntry::id, (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                    ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                    : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));

    /** Separates the fields so that a search cannot match across two of them. */
    private static final char SEPARATOR = '\u001f';

    static SearchEntry of(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new SearchEntry(rs.getObject("model_id", UUID.class), name.toLowerCase(Locale.ROOT),
                (name + SEPARATOR + rs.getString("value") + SEPARATOR + rs.getString("description"))
                        .toLowerCase(Locale.ROOT),
                uuids(rs.getArray("provider_ids")), uuids(rs.getArray("department_ids")),
                uuids(rs.getArray("agent_ids")));
    }

    /** The search text as it is matched: lowercased, without the separators of fields and documents. */
    static String needle(String search) {
        return search == null ? "" : search.strip().toLowerCase(Locale.ROOT).replaceAll("[\\u001e\\u001f]", "");
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}
