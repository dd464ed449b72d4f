package dev.quartermaster.identity;

import dev.quartermaster.identity.store.TierStore;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Snapshot;
import dev.quartermaster.platform.Topic;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The plan tiers in rank order, from memory. */
@Service
public class Tiers {

    public static final Topic TOPIC = new Topic("tiers");
    /** The gateway's rate limits of tiers and API keys changed. */
    public static final Topic RATE_LIMITS_TOPIC = new Topic("rate_limits");

    private final Snapshot<List<Tier>> tiers;

    Tiers(TierStore store, Changes changes) {
        this.tiers = Snapshot.of(changes, TOPIC, store::all);
    }

    public List<Tier> all() {
        return tiers.get();
    }

    public Optional<Tier> find(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Whether a user of {@code userTier} may use something that needs {@code requiredTier}. */
    public boolean permits(String userTier, String requiredTier) {
        int required = find(requiredTier).map(Tier::rank).orElse(Integer.MAX_VALUE);
        return find(userTier).map(Tier::rank).orElse(Integer.MIN_VALUE) >= required;
    }

    public Tier lowest() {
        return all().getFirst();
    }

    public Tier highest() {
        return all().getLast();
    }
}
