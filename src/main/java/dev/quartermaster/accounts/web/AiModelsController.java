package dev.quartermaster.accounts.web;

import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.SnakeCaseJson;
import dev.quartermaster.identity.SignedIn;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/ai/models} (seed 000): the catalog models the caller's tier may use. */
@RestController
@SnakeCaseJson
@SignedIn
class AiModelsController {

    record ModelEntry(String id, String provider, List<String> capabilities, String tier) {

        static ModelEntry of(CatalogModel model) {
            return new ModelEntry(model.value(), model.provider(), model.capabilities(), model.tier());
        }
    }

    record ModelList(List<ModelEntry> models) {
    }

    private final ModelAccess access;

    AiModelsController(ModelAccess access) {
        this.access = access;
    }

    @GetMapping("/v1/ai/models")
    ModelList models(Caller caller) {
        return new ModelList(access.visibleTo(caller.tier()).stream().map(ModelEntry::of).toList());
    }
}
