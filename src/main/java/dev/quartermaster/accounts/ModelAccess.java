package dev.quartermaster.accounts;

import dev.quartermaster.accounts.preferences.Preferences;
import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Which catalog models a tier may use: the active ones at or below it. Computed from the catalog's
 * and the tiers' in-memory snapshots and remembered per tier until either snapshot is replaced,
 * so a model list costs no database round trip and is current as soon as they are.
 */
@Service
public class ModelAccess {

    public enum Verdict { ALLOWED, ABOVE_TIER, UNKNOWN }

    private record Memo(List<CatalogModel> models, List<Tier> tiers, Map<String, List<CatalogModel>> byTier) {
    }

    private final Catalog catalog;
    private final Tiers tiers;
    private final Preferences preferences;
    private volatile Memo memo = new Memo(null, null, Map.of());

    ModelAccess(Catalog catalog, Tiers tiers, Preferences preferences) {
        this.catalog = catalog;
        this.tiers = tiers;
        this.preferences = preferences;
    }

    /** The user's preferred model (seed 000), used when a chat request names none. */
    public Optional<String> preferred(UUID userId) {
        return preferences.model(userId);
    }

    /** The models of a tier, ordered by value; the same list instance until the catalog or the tiers change. */
    public List<CatalogModel> visibleTo(String tier) {
        List<CatalogModel> models = catalog.models();
        List<Tier> allTiers = tiers.all();
        Memo current = memo;
        if (current.models() != models || current.tiers() != allTiers) {
            current = new Memo(models, allTiers, new ConcurrentHashMap<>());
            memo = current;
        }
        return current.byTier().computeIfAbsent(tier, t -> models.stream()
                .filter(CatalogModel::active)
                .filter(m -> tiers.permits(t, m.tier()))
                .toList());
    }

    public Optional<CatalogModel> visible(String tier, String value) {
        return catalog.byValue(value).filter(CatalogModel::active).filter(m -> tiers.permits(tier, m.tier()));
    }

    /** Unknown (or inactive) models and models above the tier are told apart, for 404 versus 403. */
    public Verdict verdict(String tier, String value) {
        Optional<CatalogModel> model = catalog.byValue(value).filter(CatalogModel::active);
        if (model.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        return tiers.permits(tier, model.get().tier()) ? Verdict.ALLOWED : Verdict.ABOVE_TIER;
    }
}
