package dev.quartermaster.integrations;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and use which connection. A user uses their own connections and their groups';
 * holders of {@code integrations.read} see every connection but use only those.
 */
@Service
public class Connections {

    private final ConnectionStore store;
    private final Directory directory;
    private final AuditLog audit;

    Connections(ConnectionStore store, Directory directory, AuditLog audit) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public Connection create(Checked<ConnectionRequests.Create> body, Caller caller) {
        body.rejectAll(ownership(body.sent().ownerUserId(), body.sent().groupId()));
        ConnectionRequests.Create request = body.valid();
        UUID owner = request.ownerUserId();
        UUID group = request.groupId();
        String integration = request.integrationConfigId();
        Connection created = store.insert(request.displayName(), integration, request.nangoConnectionId(), owner, group,
                caller.userId());
        audit.record(caller, "create", "integration_connection", created.id(), Map.of(
                "integration_config_id", integration, "owner_user_id", String.valueOf(owner), "group_id", String.valueOf(group)));
        return created;
    }

    public Connection get(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("no integration connection " + id));
    }

    public List<Connection> list(String integration, int limit, int offset) {
        return store.list(integration, limit, offset);
    }

    @Transactional
    public Connection delete(String id, Caller caller) {
        Connection connection = get(id);
        store.delete(id);
        audit.record(caller, "delete", "integration_connection", id, Map.of("integration_config_id",
                connection.integrationConfigId()));
        return connection;
    }

    public List<UserConnection> visibleTo(Caller caller) {
        return store.visibleTo(caller.userId(), caller.groupIds(), caller.can(Permissions.INTEGRATIONS_READ));
    }

    /** Makes a connection the caller's preferred one for its integration; the order of checks hides what one may not see. */
    @Transactional
    public Connection prefer(String integration, ConnectionRequests.Prefer request, Caller caller) {
        String connectionId = request.connectionId();
        Connection connection = store.find(connectionId)
                .filter(c -> c.usableBy(caller) || caller.can(Permissions.INTEGRATIONS_READ))
                .orElseThrow(() -> ApiException.notFound("no integration connection " + connectionId));
        if (!connection.integrationConfigId().equals(integration)) {
            throw ApiException.invalid("connection_id", "belongs to integration "
                    + connection.integrationConfigId() + ", not " + integration);
        }
        if (!connection.usableBy(caller)) {
            throw ApiException.forbidden("you may see this connection but not use it");
        }
        store.prefer(caller.userId(), integration, connectionId);
        return connection;
    }

    private List<FieldError> ownership(UUID owner, UUID group) {
        List<FieldError> errors = new ArrayList<>();
        if ((owner == null) == (group == null)) {
            errors.add(new FieldError("owner_user_id", "give exactly one of owner_user_id and group_id"));
        } else if (owner != null && !directory.userExists(owner)) {
            errors.add(new FieldError("owner_user_id", "no such user"));
        } else if (group != null && !directory.groupExists(group)) {
            errors.add(new FieldError("group_id", "no such group"));
        }
        return errors;
    }
}
