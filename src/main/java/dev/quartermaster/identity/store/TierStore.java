package dev.quartermaster.identity.store;

import dev.quartermaster.identity.Tier;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tiers; a tier's name is its key, and users and budgets refer to it. */
@Repository
public class TierStore {

    private static final String SELECT = "select name, rank, description, managed_keys, created_at, updated_at from tiers";

    private final JdbcClient jdbc;

    TierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tier> all() {
        return jdbc.sql(SELECT + " order by rank").query(Tier.class).list();
    }

    public Optional<Tier> find(String name) {
        return jdbc.sql(SELECT + " where name = ?").param(name).query(Tier.class).optional();
    }

    public void insert(String name, int rank, String description, boolean managedKeys) {
        jdbc.sql("insert into tiers (name, rank, description, managed_keys) values (?, ?, ?, ?)")
                .params(name, rank, description, managedKeys).update();
    }

    /** Whether a tier other than {@code except} (null: any tier) has this rank. */
    public boolean rankTaken(int rank, String except) {
        return jdbc.sql("select count(*) from tiers where rank = ? and name is distinct from ?")
                .params(rank, except).query(Long.class).single() > 0;
    }

    public void setRank(String name, int rank) {
        set(name, "rank", rank);
    }

    public void setDescription(String name, String description) {
        set(name, "description", description);
    }

    public void setManagedKeys(String name, boolean managedKeys) {
        set(name, "managed_keys", managedKeys);
    }

    public void delete(String name) {
        jdbc.sql("delete from tiers where name = ?").param(name).update();
    }

    /** The column name comes from this class, never from a request. */
    private void set(String name, String column, Object value) {
        jdbc.sql("update tiers set " + column + " = ?, updated_at = now(), version = version + 1 where name = ?")
                .params(value, name).update();
    }
}
