package dev.quartermaster.catalog.web;

import dev.quartermaster.catalog.taxonomy.TaxonomyAdmin;
import dev.quartermaster.catalog.taxonomy.TaxonomyEntry;
import dev.quartermaster.catalog.taxonomy.TaxonomyKind;
import dev.quartermaster.catalog.taxonomy.TaxonomyRequests;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
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
    @RequiresPermission(Permissions.MODELS_READ)
    Envelope<List<TaxonomyEntry>> list(@PathVariable String kind) {
        return Envelope.of(admin.list(kind(kind)));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_READ)
    Envelope<TaxonomyEntry> get(@PathVariable String kind, @PathVariable UUID id) {
        return Envelope.of(admin.get(kind(kind), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.MODELS_CREATE)
    Envelope<TaxonomyEntry> create(Caller caller, @PathVariable String kind,
                                   @RequestBody Checked<TaxonomyRequests.Entry> entry) {
        return Envelope.of(admin.create(kind(kind), entry, caller));
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_UPDATE)
    Envelope<TaxonomyEntry> update(Caller caller, @PathVariable String kind, @PathVariable UUID id,
                                   @RequestBody JsonNode body) {
        return Envelope.of(admin.update(kind(kind), id, PatchRequest.of(body), caller));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.MODELS_DELETE)
    Envelope<TaxonomyEntry> delete(Caller caller, @PathVariable String kind, @PathVariable UUID id) {
        return Envelope.of(admin.delete(kind(kind), id, caller));
    }

    private static TaxonomyKind kind(String path) {
        return TaxonomyKind.fromPath(path).orElseThrow(() -> ApiException.notFound("no catalog taxonomy '" + path
                + "'; known are flags, departments, modalities, pricing, qualities, reasoning-levels, "
                + "temperature-levels, voices, values and agents"));
    }
}
