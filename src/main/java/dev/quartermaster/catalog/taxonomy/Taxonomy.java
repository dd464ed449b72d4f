package dev.quartermaster.catalog.taxonomy;

import dev.quartermaster.catalog.Catalog;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Snapshot;
import dev.quartermaster.platform.Topic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Every taxonomy entry, from memory: the option lists of a model's sections. */
@Service
public class Taxonomy {


    private record Index(Map<TaxonomyKind, List<TaxonomyEntry>> byKind, Map<UUID, TaxonomyEntry> byId) {
    }

    private final Snapshot<Index> index;

    Taxonomy(TaxonomyStore store, Changes changes) {
        this.index = Snapshot.of(changes, Catalog.TAXONOMY_TOPIC, () -> {
            List<TaxonomyEntry> all = store.all();
            return new Index(all.stream().collect(Collectors.groupingBy(TaxonomyEntry::taxonomyKind)),
                    all.stream().collect(Collectors.toMap(TaxonomyEntry::id, Function.identity())));
        });
    }

    public List<TaxonomyEntry> entries(TaxonomyKind kind) {
        return index.get().byKind().getOrDefault(kind, List.of());
    }

    public Optional<TaxonomyEntry> find(TaxonomyKind kind, UUID id) {
        return Optional.ofNullable(index.get().byId().get(id)).filter(e -> e.taxonomyKind() == kind);
    }

    public void invalidate() {
        index.invalidate();
    }
}
