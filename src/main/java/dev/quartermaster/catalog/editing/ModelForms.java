package dev.quartermaster.catalog.editing;

import dev.quartermaster.catalog.ArtifactRequests;
import dev.quartermaster.catalog.ModelForm.EntrySection;
import dev.quartermaster.catalog.ModelForm.ProviderOption;
import dev.quartermaster.catalog.ModelForm.SectionEntry;
import dev.quartermaster.catalog.ModelForm;
import dev.quartermaster.catalog.drafts.DraftStore;
import dev.quartermaster.catalog.drafts.Drafts;
import dev.quartermaster.catalog.model.ModelFields;
import dev.quartermaster.catalog.model.ModelRules;
import dev.quartermaster.catalog.model.ModelStore;
import dev.quartermaster.catalog.model.StoredModel;
import dev.quartermaster.catalog.taxonomy.Taxonomy;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProfiles;
import dev.quartermaster.providers.ProviderType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Builds the editor's form of {@code get} for a model, one of the caller's drafts, or a new model. */
@Service
public class ModelForms {

    private final ModelStore models;
    private final Drafts drafts;
    private final Taxonomy taxonomy;
    private final ProviderProfiles profiles;
    private final Tiers tiers;

    ModelForms(ModelStore models, Drafts drafts, Taxonomy taxonomy, ProviderProfiles profiles, Tiers tiers) {
        this.models = models;
        this.drafts = drafts;
        this.taxonomy = taxonomy;
        this.profiles = profiles;
        this.tiers = tiers;
    }

    /** An unknown model is {@code model_exists: false} with a blank form; an unknown draft is 404. */
    public ModelForm get(Caller caller, ArtifactRequests.GetModel request) {
        if (request.draftId() != null) {
            DraftStore.Draft draft = drafts.find(caller, request.draftId());
            if (request.modelId() != null && !request.modelId().equals(draft.modelId())) {
                throw ApiException.invalid("draft_id", "is not a draft of model " + request.modelId());
            }
            Optional<StoredModel> model = Optional.ofNullable(draft.modelId()).flatMap(models::find);
            return form(caller, model, draft.state(), draft);
        }
        Optional<StoredModel> model = Optional.ofNullable(request.modelId()).flatMap(models::find);
        return form(caller, model, model.map(StoredModel::fields).orElse(ModelFields.EMPTY), null);
    }

    private ModelForm form(Caller caller, Optional<StoredModel> model, ModelFields f, DraftStore.Draft draft) {
        boolean canEdit = caller.can(Permissions.MODELS_UPDATE);
        return new ModelForm(caller.username(), model.isPresent(), model.map(StoredModel::id).orElse(null),
                model.map(StoredModel::version).orElse(null), canEdit,
                canEdit ? null : "editing models needs the permission " + Permissions.MODELS_UPDATE,
                draft == null ? null : draft.id(), draft == null ? null : draft.version(), null, false, false, false,
                new ModelForm.TextSection(f.name(), ArtifactRequests.NAME),
                new ModelForm.TextSection(f.description(), ArtifactRequests.DESCRIPTION),
                new ModelForm.ValueSection(f.value(), selected(TaxonomyKind.VALUE, f), options(TaxonomyKind.VALUE)),
                providers(f), section(TaxonomyKind.FLAG, f), section(TaxonomyKind.DEPARTMENT, f),
                section(TaxonomyKind.MODALITY, f), section(TaxonomyKind.TEMPERATURE_LEVEL, f),
                section(TaxonomyKind.PRICING, f), section(TaxonomyKind.REASONING_LEVEL, f),
                section(TaxonomyKind.QUALITY, f), section(TaxonomyKind.VOICE, f),
                new ModelForm.ChoiceSection(f.tier() == null ? List.of() : List.of(f.tier()),
                        tiers.all().stream().map(Tier::name).toList()),
                new ModelForm.ChoiceSection(f.capabilities(), ModelRules.CAPABILITIES),
                f.contextWindow(), f.active(), model.map(StoredModel::sample).orElse(false));
    }

    private ModelForm.ProviderSection providers(ModelFields f) {
        List<ProviderOption> selected = f.providerIds().stream().map(profiles::find).flatMap(Optional::stream)
                .map(ModelForms::option).toList();
        return new ModelForm.ProviderSection(f.provider(),
                Arrays.stream(ProviderType.values()).map(ProviderType::wireName).toList(), selected,
                profiles.all().stream().map(ModelForms::option).toList());
    }

    private EntrySection section(TaxonomyKind kind, ModelFields f) {
        return new EntrySection(selected(kind, f), options(kind));
    }

    /** Entries deleted since a draft selected them are left out. */
    private List<SectionEntry> selected(TaxonomyKind kind, ModelFields f) {
        return f.section(kind).stream().map(id -> taxonomy.find(kind, id)).flatMap(Optional::stream)
                .map(SectionEntry::of).toList();
    }

    private List<SectionEntry> options(TaxonomyKind kind) {
        return taxonomy.entries(kind).stream().map(SectionEntry::of).toList();
    }

    private static ProviderOption option(ProfileSummary p) {
        return new ProviderOption(p.id(), p.name(), p.provider().wireName(), p.model(), p.active(), p.hasKey());
    }
}
