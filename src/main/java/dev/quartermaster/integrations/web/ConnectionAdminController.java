package dev.quartermaster.integrations.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.integrations.Connection;
import dev.quartermaster.integrations.ConnectionRequests;
import dev.quartermaster.integrations.Connections;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.Envelope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/system/integrations/connections}: admins create, list and delete connections. */
@RestController
@RequestMapping("/api/v1/system/integrations/connections")
class ConnectionAdminController {

    private final Connections connections;

    ConnectionAdminController(Connections connections) {
        this.connections = connections;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.INTEGRATIONS_CREATE)
    Envelope<Connection> create(Caller caller, @RequestBody Checked<ConnectionRequests.Create> request) {
        return Envelope.of(connections.create(request, caller));
    }

    @GetMapping
    @RequiresPermission(Permissions.INTEGRATIONS_READ)
    Envelope<List<Connection>> list(@RequestParam(name = "integration_config_id", required = false) String integration,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return Envelope.of(connections.list(integration, limit, offset));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.INTEGRATIONS_READ)
    Envelope<Connection> get(@PathVariable String id) {
        return Envelope.of(connections.get(id));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.INTEGRATIONS_DELETE)
    Envelope<Connection> delete(Caller caller, @PathVariable String id) {
        return Envelope.of(connections.delete(id, caller));
    }
}
