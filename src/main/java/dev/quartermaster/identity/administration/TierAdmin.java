package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.identity.authentication.Authenticator;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plan tiers: unique names and ranks; a tier still in use cannot be deleted. */
@Service
public class TierAdmin {

    private static final String SELECT = "select name, rank, description, managed_keys, created_at, updated_at from tiers";

    private final JdbcClient jdbc;
    private final Tiers tiers;
    private final Changes changes;

    TierAdmin(JdbcClient jdbc, Tiers tiers, Changes changes) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.changes = changes;
    }

    public Tier get(String name) {
        return jdbc.sql(SELECT + " where name = ?").param(name).query(Tier.class).optional()
                .orElseThrow(() -> ApiException.notFound("no tier " + name));
    }

    @Transactional
    public Tier create(Checked<IdentityRequests.CreateTier> body) {
        IdentityRequests.CreateTier sent = body.sent();
        if (sent.name() != null && tiers.find(sent.name()).isPresent()) {
            body.reject(new FieldError("name", "is already taken"));
        }
        if (sent.rank() != null && rankTaken(sent.rank(), null)) {
            body.reject(new FieldError("rank", "another tier already has rank " + sent.rank()));
        }
        IdentityRequests.CreateTier request = body.valid();
        jdbc.sql("insert into tiers (name, rank, description, managed_keys) values (?, ?, ?, ?)")
                .params(request.name(), request.rank(), request.description() == null ? "" : request.description(),
                        Boolean.TRUE.equals(request.managedKeys()))
                .update();
        changed();
        return get(request.name());
    }

    @Transactional
    public Tier update(String name, PatchRequest patch) {
        get(name);
        if (patch.has("rank")) {
            Integer rank = patch.integer("rank");
            if (rank == null) {
                patch.reject(new FieldError("rank", "must be an integer"));
            } else {
                rankFree("rank", rank, name);
                set(name, "rank", rank);
            }
        }
        if (patch.has("description")) {
            String description = patch.stringAtMost("description", IdentityRequests.DESCRIPTION);
            set(name, "description", description == null ? "" : description);
        }
        if (patch.has("managedKeys")) {
            Boolean managed = patch.bool("managedKeys");
            set(name, "managed_keys", Boolean.TRUE.equals(managed));
        }
        patch.validate();
        changed();
        return get(name);
    }

    @Transactional
    public Tier delete(String name) {
        Tier tier = get(name);
        long users = jdbc.sql("select count(*) from users where tier = ?").param(name).query(Long.class).single();
        if (users > 0) {
            throw ApiException.conflict("tier " + name + " is used by " + users + " users", Map.of("users", users));
        }
        if (tiers.all().size() == 1) {
            throw ApiException.conflict("the last tier cannot be deleted", Map.of());
        }
        jdbc.sql("delete from tiers where name = ?").param(name).update();
        changed();
        return tier;
    }

    public List<Tier> list() {
        return tiers.all();
    }

    private void rankFree(String field, int rank, String except) {
        if (rankTaken(rank, except)) {
            throw ApiException.invalid(field, "another tier already has rank " + rank);
        }
    }

    private boolean rankTaken(int rank, String except) {
        return jdbc.sql("select count(*) from tiers where rank = ? and name is distinct from ?")
                .params(rank, except).query(Long.class).single() > 0;
    }

    /** Sets one column; the column name comes from this class, never from a request. */
    private void set(String name, String column, Object value) {
        jdbc.sql("update tiers set " + column + " = ?, updated_at = now(), version = version + 1 where name = ?")
                .params(value, name).update();
    }

    private void changed() {
        changes.publish(Tiers.TOPIC);
        changes.publish(Authenticator.TOPIC);
    }
}
