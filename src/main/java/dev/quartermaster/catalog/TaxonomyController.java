package dev.quartermaster.catalog;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Envelope;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/system/catalog/{kind}} for the nine taxonomy kinds (flags, departments, modalities,
 * pricing, qualities, reasoning-levels, temperature-levels, voices, values).
 */
@RestController
@RequestMapping("/api/v1/system/catalog/{kind}")
class TaxonomyController {

    private final TaxonomyAdmin admin;

    TaxonomyController(TaxonomyAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    Envelope<List<TaxonomyEntry>> list(Caller caller, @PathVariable String kind) {
        caller.require(Permissions.MODELS_READ);
        return Envelope.of(admin.list(kind(kind)));
    }

    @GetMapping("/{id}")
    Envelope<TaxonomyEntry> get(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        caller.require(Permissions.MODELS_READ);
        return Envelope.of(admin.get(kind(kind), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Envelope<TaxonomyEntry> create(Caller caller, @PathVariable String kind, @RequestBody JsonNode body) {
        caller.require(Permissions.MODELS_CREATE);
        return Envelope.of(admin.create(kind(kind), PatchRequest.of(body)));
    }

    @PatchMapping("/{id}")
    Envelope<TaxonomyEntry> update(Caller caller, @PathVariable String kind, @PathVariable UUID id,
                                   @RequestBody JsonNode body) {
        caller.require(Permissions.MODELS_UPDATE);
        return Envelope.of(admin.update(kind(kind), id, PatchRequest.of(body)));
    }

    @DeleteMapping("/{id}")
    Envelope<TaxonomyEntry> delete(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        caller.require(Permissions.MODELS_DELETE);
        return Envelope.of(admin.delete(kind(kind), id));
    }

    private static TaxonomyKind kind(String path) {
        return TaxonomyKind.fromPath(path).orElseThrow(() -> ApiException.notFound("no catalog taxonomy '" + path
                + "'; known are flags, departments, modalities, pricing, qualities, reasoning-levels, "
                + "temperature-levels, voices, values and agents"));
    }
}
