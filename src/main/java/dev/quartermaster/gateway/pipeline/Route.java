package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.providers.ProfileSummary;
import java.util.List;

/** A model and the profiles that may serve it, the first one preferred; later ones are fallbacks. */
record Route(CatalogModel model, List<ProfileSummary> profiles) {

    Route {
        profiles = List.copyOf(profiles);
    }

    /** The profile of an attempt (0-based): attempts go down the list, then stay on the last. */
    ProfileSummary profileFor(int attempt) {
        return profiles.get(Math.min(attempt, profiles.size() - 1));
    }
}
