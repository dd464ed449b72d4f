package dev.quartermaster.catalog.model;

import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code catalog_models} with their provider and taxonomy links. */
@Repository
public class ModelStore {

    private static final String SELECT = """
            select m.id, m.name, m.description, m.value, m.provider, m.tier, m.capabilities, m.context_window,
                   m.active, m.sample, m.version, m.created_at, m.updated_at,
                   array(select p.profile_id from catalog_model_providers p where p.model_id = m.id
                          order by p.position) as provider_ids,
                   array(select x.kind || ':' || x.id from catalog_model_taxonomy t
                           join catalog_taxonomy x on x.id = t.entry_id
                          where t.model_id = m.id order by lower(x.name), x.id) as taxonomy
              from catalog_models m
            """;

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredModel> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(ModelStore::model).optional();
    }

    public Optional<UUID> idOfValue(String value) {
        return jdbc.sql("select id from catalog_models where value = ?").param(value).query(UUID.class).optional();
    }

    public boolean valueTaken(String value) {
        return idOfValue(value).isPresent();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from catalog_models where name = ?").param(name).query(Long.class).single() > 0;
    }

    public UUID insert(ModelFields f, boolean sample) {
        UUID id = jdbc.sql("""
                insert into catalog_models (name, description, value, provider, tier, capabilities, context_window,
                                            active, sample)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(f.name(), f.description(), f.value(), f.provider(), f.tier(),
                        f.capabilities().toArray(String[]::new), f.contextWindow(), f.active(), sample)
                .query(UUID.class).single();
        link(id, f);
        return id;
    }

    /** Replaces the model's fields if it is still at {@code expectedVersion}; the new version, or empty. */
    public Optional<Integer> update(UUID id, ModelFields f, int expectedVersion) {
        Optional<Integer> version = jdbc.sql("""
                update catalog_models
                   set name = ?, description = ?, value = ?, provider = ?, tier = ?, capabilities = ?,
                       context_window = ?, active = ?, updated_at = now(), version = version + 1
                 where id = ? and version = ?
                returning version
                """)
                .params(f.name(), f.description(), f.value(), f.provider(), f.tier(),
                        f.capabilities().toArray(String[]::new), f.contextWindow(), f.active(), id, expectedVersion)
                .query(Integer.class).optional();
        version.ifPresent(v -> {
            jdbc.sql("delete from catalog_model_providers where model_id = ?").param(id).update();
            jdbc.sql("delete from catalog_model_taxonomy where model_id = ?").param(id).update();
            link(id, f);
        });
        return version;
    }

    /** Inserts a model unless one has its value already; whether it was inserted. No links. */
    public boolean insertIfAbsent(ModelFields f, boolean sample) {
        return jdbc.sql("""
                insert into catalog_models (name, description, value, provider, tier, capabilities, context_window,
                                            active, sample)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (value) do nothing
                """).params(f.name(), f.description(), f.value(), f.provider(), f.tier(),
                f.capabilities().toArray(String[]::new), f.contextWindow(), f.active(), sample).update() > 0;
    }

    /** Every model as the catalog's public read API shows it, ordered by value. */
    public List<CatalogModel> summaries() {
        return jdbc.sql("""
                select m.id, m.value, m.name, m.provider, m.capabilities, m.tier, m.active, m.created_at,
                       m.context_window,
                       array(select p.profile_id from catalog_model_providers p where p.model_id = m.id
                              order by p.position) as provider_ids
                  from catalog_models m order by m.value
                """).query((rs, n) -> new CatalogModel(rs.getObject("id", UUID.class), rs.getString("value"),
                        rs.getString("name"), rs.getString("provider"),
                        Arrays.asList((String[]) rs.getArray("capabilities").getArray()), rs.getString("tier"),
                        rs.getBoolean("active"), rs.getObject("created_at", Timestamp.class).toInstant(),
                        Arrays.stream((Object[]) rs.getArray("provider_ids").getArray()).map(UUID.class::cast).toList(),
                        rs.getObject("context_window", Integer.class))).list();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from catalog_models where id = ?").param(id).update() > 0;
    }

    private void link(UUID id, ModelFields f) {
        jdbc.sql("""
                insert into catalog_model_providers (model_id, profile_id, position)
                select ?, p.id, p.n from unnest(?::uuid[]) with ordinality as p(id, n)
                """).params(id, f.providerIds().toArray(UUID[]::new)).update();
        jdbc.sql("""
                insert into catalog_model_taxonomy (model_id, entry_id)
                select ?, e from unnest(?::uuid[]) e
                """).params(id, f.taxonomyIds().toArray(UUID[]::new)).update();
    }

    private static StoredModel model(ResultSet rs, int row) throws SQLException {
        Map<TaxonomyKind, List<UUID>> sections = new EnumMap<>(TaxonomyKind.class);
        for (String kindAndId : (String[]) rs.getArray("taxonomy").getArray()) {
            int colon = kindAndId.indexOf(':');
            sections.computeIfAbsent(TaxonomyKind.fromStored(kindAndId.substring(0, colon)), k -> new java.util.ArrayList<>())
                    .add(UUID.fromString(kindAndId.substring(colon + 1)));
        }
        ModelFields fields = new ModelFields(rs.getString("name"), rs.getString("description"), rs.getString("value"),
                rs.getString("provider"), rs.getString("tier"), Arrays.asList((String[]) rs.getArray("capabilities").getArray()),
                (Integer) rs.getObject("context_window"), rs.getBoolean("active"),
                Arrays.stream((Object[]) rs.getArray("provider_ids").getArray()).map(UUID.class::cast).toList(), sections);
        return new StoredModel(rs.getObject("id", UUID.class), fields, rs.getBoolean("sample"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
