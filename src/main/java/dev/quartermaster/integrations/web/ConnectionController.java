package dev.quartermaster.integrations.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.integrations.Connection;
import dev.quartermaster.integrations.ConnectionRequests;
import dev.quartermaster.integrations.Connections;
import dev.quartermaster.integrations.UserConnection;
import dev.quartermaster.platform.Envelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/integrations/connections} (seed 003): a caller's connections and their preferred defaults. */
@RestController
@SignedIn
@RequestMapping(ConnectionController.PATH)
class ConnectionController {

    static final String PATH = "/v1/integrations/connections";

    private final Connections connections;

    ConnectionController(Connections connections) {
        this.connections = connections;
    }

    @GetMapping
    Envelope<List<UserConnection>> list(Caller caller) {
        return Envelope.of(connections.visibleTo(caller));
    }

    @PostMapping("/{integrationId}/default")
    Map<String, String> prefer(Caller caller, @PathVariable String integrationId,
                               @RequestBody ConnectionRequests.Prefer request) {
        Connection preferred = connections.prefer(integrationId, request, caller);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("integration_config_id", preferred.integrationConfigId());
        answer.put("connection_id", preferred.id());
        return answer;
    }
}
