package dev.quartermaster.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The SQL of one search over {@code catalog_search}: a text match (served by the trigram index)
 * and three "any of" filters. Facet counts apply every filter but their own.
 */
record SearchQuery(String text, List<UUID> providers, List<UUID> departments, List<UUID> agents) {

    /** The rows of a page, in a stable order. */
    Sql page(int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = textCondition(params) + " and " + filter("provider_ids", providers, params)
                + " and " + filter("department_ids", departments, params)
                + " and " + filter("agent_ids", agents, params);
        params.add(limit);
        params.add(offset);
        return new Sql("""
                select model_id, name, description, value, provider, tier, capabilities, context_window, active,
                       provider_ids, department_ids, agent_ids, version, updated_at
                  from catalog_search
                 where %s
                 order by sort_name, model_id
                 limit ? offset ?
                """.formatted(where), params);
    }

    /**
     * The total and the counts per listed option, in one pass over the text matches: rows of
     * ({@code facet}, {@code id}, {@code n}), the total with facet {@code total}.
     */
    Sql counts(List<UUID> providerOptions, List<UUID> departmentOptions, List<UUID> agentOptions) {
        List<Object> params = new ArrayList<>();
        String inP = filter("provider_ids", providers, params);
        String inD = filter("department_ids", departments, params);
        String inA = filter("agent_ids", agents, params);
        String text = textCondition(params);
        params.add(providerOptions.toArray(UUID[]::new));
        params.add(departmentOptions.toArray(UUID[]::new));
        params.add(agentOptions.toArray(UUID[]::new));
        return new Sql("""
                with hits as materialized (
                    select provider_ids, department_ids, agent_ids, %s as in_p, %s as in_d, %s as in_a
                      from catalog_search where %s)
                select 'total' as facet, null::uuid as id, count(*) filter (where in_p and in_d and in_a) as n from hits
                union all
                select 'provider', x, count(*) from hits, unnest(provider_ids) x
                 where in_d and in_a and x = any (?::uuid[]) group by x
                union all
                select 'department', x, count(*) from hits, unnest(department_ids) x
                 where in_p and in_a and x = any (?::uuid[]) group by x
                union all
                select 'agent', x, count(*) from hits, unnest(agent_ids) x
                 where in_p and in_d and x = any (?::uuid[]) group by x
                """.formatted(inP, inD, inA, text), params);
    }

    private String textCondition(List<Object> params) {
        if (text == null || text.isBlank()) {
            return "true";
        }
        params.add("%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        return "document like ?";
    }

    private static String filter(String column, List<UUID> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return "true";
        }
        params.add(ids.toArray(UUID[]::new));
        return column + " && ?::uuid[]";
    }

    /** LIKE's wildcards and its escape character, taken literally; the field separator dropped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("\u001f", "");
    }

    record Sql(String text, List<Object> params) {
    }
}
