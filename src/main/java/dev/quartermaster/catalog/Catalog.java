package dev.quartermaster.catalog;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Snapshot;
import dev.quartermaster.platform.Topic;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.identity.Tiers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The catalog's public read API: every model, from memory, ordered by value. Every catalog write
 * publishes {@link #TOPIC}, so it is current at once in this process and within a second in others.
 */
@Service
public class Catalog {

    public static final Topic TOPIC = new Topic("catalog");
    /** Pricing entries and the rest of the taxonomy changed. */
    public static final Topic TAXONOMY_TOPIC = new Topic("catalog.taxonomy");

    private record Models(List<CatalogModel> ordered, Map<String, CatalogModel> byValue) {
    }

    private final Snapshot<Models> models;

    Catalog(ModelStore store, Changes changes) {
        this.models = Snapshot.of(changes, TOPIC, () -> index(store.summaries()));
        // a renamed tier cascades into catalog_models.tier
        changes.subscribe(Tiers.TOPIC, models::invalidate);
    }

    /** Every model, active or not, ordered by value. */
    public List<CatalogModel> models() {
        return models.get().ordered();
    }

    public Optional<CatalogModel> byValue(String value) {
        return Optional.ofNullable(models.get().byValue().get(value));
    }

    public void invalidate() {
        models.invalidate();
    }

    private static Models index(List<CatalogModel> ordered) {
        return new Models(List.copyOf(ordered),
                ordered.stream().collect(Collectors.toUnmodifiableMap(CatalogModel::value, Function.identity())));
    }
}
