package dev.quartermaster.accounts.web;

import dev.quartermaster.platform.SnakeCaseJson;
import dev.quartermaster.accounts.KeyResolution;
import dev.quartermaster.accounts.KeyResolver;
import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.accounts.preferences.Preferences;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.Build;
import dev.quartermaster.providers.ProviderType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/ai/info} (seed 000): what this server offers the caller. Tools, flows, prompts
 * and retrieval are reported as what they are here: not provided.
 */
@RestController
@SignedIn
@SnakeCaseJson
class AiInfoController {
    record Info(String service, String version, List<ProviderInfo> providers, Models models, List<Object> tools,
                List<Object> flows, List<Object> prompts, Feature rag, Feature inference) {
    }
    record ProviderInfo(String provider, boolean managedKeyConfigured, boolean keyAvailable, String keySource,
                        long models) {
    }
    record Models(int available, String preferred) {
    }

    record Feature(boolean enabled, String status, String detail) {
    }


    private final KeyResolver resolver;
    private final ModelAccess access;
    private final Preferences preferences;

    AiInfoController(KeyResolver resolver, ModelAccess access, Preferences preferences) {
        this.resolver = resolver;
        this.access = access;
        this.preferences = preferences;
    }

    @GetMapping("/v1/ai/info")
    Info info(Caller caller) {
        List<CatalogModel> models = access.visibleTo(caller.tier());
        Map<String, Long> perProvider = models.stream().filter(m -> m.provider() != null)
                .collect(java.util.stream.Collectors.groupingBy(CatalogModel::provider, java.util.stream.Collectors.counting()));
        List<ProviderInfo> providers = Arrays.stream(ProviderType.values()).map(type -> {
            KeyResolution resolution = resolver.resolve(caller.userId(), caller.tier(), type);
            return new ProviderInfo(type.wireName(), resolver.managedProfile(type).isPresent(),
                    !(resolution instanceof KeyResolution.NotAvailable), resolution.source(),
                    perProvider.getOrDefault(type.wireName(), 0L));
        }).toList();
        return new Info("quartermaster", Build.VERSION, providers,
                new Models(models.size(), preferences.model(caller.userId()).orElse(null)),
                List.of(), List.of(), List.of(),
                new Feature(false, "not_provided", "this server keeps no documents and does no retrieval"),
                new Feature(false, "not_provided", "this server manages models and keys; it does not proxy inference yet"));
    }
}
