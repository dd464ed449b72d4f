package dev.quartermaster.catalog.model;

import dev.quartermaster.catalog.ArtifactRequests;
import dev.quartermaster.catalog.Capability;
import dev.quartermaster.catalog.taxonomy.Taxonomy;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.Text;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What makes model fields acceptable: a draft only needs every value it has to be valid; a model
 * to be stored also needs a name, a value and a provider.
 */
@Component
public class ModelRules {

    public static final List<String> CAPABILITIES = Capability.WIRE_NAMES;
    /** The id clients pass as {@code model}: {@code gpt-4o}, {@code llama3.1:8b}, {@code models/gemini-2.5-pro}. */
    static final Pattern VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0," + (ArtifactRequests.VALUE - 1) + "}$");

    private final Tiers tiers;
    private final ProviderProfiles profiles;
    private final Taxonomy taxonomy;

    ModelRules(Tiers tiers, ProviderProfiles profiles, Taxonomy taxonomy) {
        this.tiers = tiers;
        this.profiles = profiles;
        this.taxonomy = taxonomy;
    }

    /** Fills what a stored model must have and may default: the provider of its first profile, the lowest tier. */
    public ModelFields complete(ModelFields fields) {
        String derived = fields.providerIds().stream().map(profiles::find).flatMap(java.util.Optional::stream)
                .findFirst().map(p -> p.provider().wireName()).orElse(null);
        return fields.withDefaults(derived, tiers.lowest().name());
    }

    public List<FieldError> check(ModelFields fields, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        if (complete && (fields.name() == null || fields.name().isBlank())) {
            errors.add(new FieldError("name", "is required"));
        }
        if (fields.value() != null && !VALUE.matcher(fields.value()).matches()) {
            errors.add(new FieldError("value", ArtifactRequests.VALUE_RULE));
        } else if (complete && fields.value() == null) {
            errors.add(new FieldError("value", "is required: the model id clients pass, such as gpt-4o"));
        }
        checkProvider(fields, complete, errors);
        if (fields.tier() != null && tiers.find(fields.tier()).isEmpty()) {
            errors.add(new FieldError("tier", "must be one of " + tiers.all().stream().map(Tier::name).toList()));
        }
        for (int i = 0; i < fields.capabilities().size(); i++) {
            if (!CAPABILITIES.contains(fields.capabilities().get(i))) {
                errors.add(new FieldError("capabilities[" + i + "]", Text.oneOf(Capability.class)));
            }
        }
        if (fields.contextWindow() != null && fields.contextWindow() <= 0) {
            errors.add(new FieldError("context_window", "must be a positive number of tokens"));
        }
        checkReferences(fields, errors);
        return errors;
    }

    private void checkProvider(ModelFields fields, boolean complete, List<FieldError> errors) {
        if (fields.provider() != null && ProviderType.parse(fields.provider()).isEmpty()) {
            errors.add(new FieldError("provider", Text.oneOf(ProviderType.class)));
        } else if (complete && fields.provider() == null) {
            errors.add(new FieldError("provider", "is required when no provider_ids are given"));
        }
    }

    private void checkReferences(ModelFields fields, List<FieldError> errors) {
        for (int i = 0; i < fields.providerIds().size(); i++) {
            UUID id = fields.providerIds().get(i);
            if (profiles.find(id).map(ProfileSummary::id).isEmpty()) {
                errors.add(new FieldError("provider_ids[" + i + "]", "no provider profile " + id));
            }
        }
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            List<UUID> ids = fields.section(kind);
            for (int i = 0; i < ids.size(); i++) {
                if (taxonomy.find(kind, ids.get(i)).isEmpty()) {
                    errors.add(new FieldError(kind.idsField() + "[" + i + "]", "no " + kind.stored() + " " + ids.get(i)));
                }
            }
        }
    }
}
