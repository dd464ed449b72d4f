package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * From a {@code model} to the profiles that serve it, from memory. A model the caller cannot see
 * (unknown, inactive, above the tier) is a 404 {@code model_not_found}, as on {@code /v1/models}.
 * The profiles are the model's {@code provider_ids}, the active one first, then the rest in their
 * order; a model without any is served by the profiles of its provider type, the active one first.
 */
@Component
class Router {

    private final ModelAccess access;
    private final ProviderProfiles profiles;

    Router(ModelAccess access, ProviderProfiles profiles) {
        this.access = access;
        this.profiles = profiles;
    }

    /** The model a request names, else (where {@code preferredAllowed}) the caller's preferred one. */
    String modelOf(Caller caller, String requested, boolean preferredAllowed) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        Optional<String> preferred = preferredAllowed ? access.preferred(caller.userId()) : Optional.empty();
        return preferred.orElseThrow(() -> GatewayErrors.invalid("model",
                "is required" + (preferredAllowed ? " (you have no preferred model to fall back on)" : "")));
    }

    Route route(Caller caller, String value) {
        CatalogModel model = access.visible(caller.tier(), value).orElseThrow(() -> GatewayErrors.modelNotFound(value));
        List<ProfileSummary> serving = serving(model);
        if (serving.isEmpty()) {
            throw GatewayErrors.unavailable("no provider profile serves the model '" + value + "'");
        }
        return new Route(model, serving);
    }

    private List<ProfileSummary> serving(CatalogModel model) {
        List<ProfileSummary> all = profiles.all();
        List<ProfileSummary> listed = new ArrayList<>(model.providerIds().stream()
                .map(id -> all.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null))
                .filter(Objects::nonNull).toList());
        if (listed.isEmpty() && model.provider() != null) {
            ProviderType.parse(model.provider()).ifPresent(type ->
                    all.stream().filter(p -> p.provider() == type).forEach(listed::add));
        }
        listed.sort(Comparator.comparing((ProfileSummary p) -> !p.active()));
        return listed;
    }
}
