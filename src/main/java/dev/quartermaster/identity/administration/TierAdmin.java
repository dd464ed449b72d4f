package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.identity.store.TierStore;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plan tiers: unique names and ranks; a tier still in use cannot be deleted. */
@Service
public class TierAdmin {

    private final TierStore store;
    private final UserStore users;
    private final Tiers tiers;
    private final Changes changes;
    private final IdentityAudit audit;

    TierAdmin(TierStore store, UserStore users, Tiers tiers, Changes changes, IdentityAudit audit) {
        this.store = store;
        this.users = users;
        this.tiers = tiers;
        this.changes = changes;
        this.audit = audit;
    }

    public Tier get(String name) {
        return store.find(name).orElseThrow(() -> ApiException.notFound("no tier " + name));
    }

    @Transactional
    public Tier create(Checked<IdentityRequests.CreateTier> body, Caller caller) {
        IdentityRequests.CreateTier sent = body.sent();
        if (sent.name() != null && tiers.find(sent.name()).isPresent()) {
            body.reject(new FieldError("name", "is already taken"));
        }
        if (sent.rank() != null && store.rankTaken(sent.rank(), null)) {
            body.reject(new FieldError("rank", "another tier already has rank " + sent.rank()));
        }
        IdentityRequests.CreateTier request = body.valid();
        store.insert(request.name(), request.rank(), request.description() == null ? "" : request.description(),
                Boolean.TRUE.equals(request.managedKeys()));
        changed();
        Tier created = get(request.name());
        audit.record(caller, "create", "tier", created.name(), IdentityAudit.tier(created));
        return created;
    }

    @Transactional
    public Tier update(String name, PatchRequest patch, Caller caller) {
        Tier before = get(name);
        if (patch.has("rank")) {
            Integer rank = patch.integer("rank");
            if (rank == null) {
                patch.reject(new FieldError("rank", "must be an integer"));
            } else {
                rankFree("rank", rank, name);
                store.setRank(name, rank);
            }
        }
        if (patch.has("description")) {
            String description = patch.stringAtMost("description", IdentityRequests.DESCRIPTION);
            store.setDescription(name, description == null ? "" : description);
        }
        if (patch.has("managedKeys")) {
            Boolean managed = patch.bool("managedKeys");
            store.setManagedKeys(name, Boolean.TRUE.equals(managed));
        }
        patch.validate();
        changed();
        Tier after = get(name);
        audit.recordChanges(caller, "tier", name, IdentityAudit.tier(before), IdentityAudit.tier(after));
        return after;
    }

    @Transactional
    public Tier delete(String name, Caller caller) {
        Tier tier = get(name);
        long members = users.countInTier(name);
        if (members > 0) {
            throw ApiException.conflict("tier " + name + " is used by " + members + " users", Map.of("users", members));
        }
        if (tiers.all().size() == 1) {
            throw ApiException.conflict("the last tier cannot be deleted", Map.of());
        }
        store.delete(name);
        changed();
        audit.record(caller, "delete", "tier", name, IdentityAudit.tier(tier));
        return tier;
    }

    public List<Tier> list() {
        return tiers.all();
    }

    private void rankFree(String field, int rank, String except) {
        if (store.rankTaken(rank, except)) {
            throw ApiException.invalid(field, "another tier already has rank " + rank);
        }
    }

    private void changed() {
        changes.publish(Tiers.TOPIC);
        changes.publish(Directory.TOPIC);
    }
}
