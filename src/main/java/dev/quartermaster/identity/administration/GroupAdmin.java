package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Containment;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.store.GroupStore;
import dev.quartermaster.identity.store.GroupView;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups: named sets of users that share permissions (and integration connections). */
@Service
public class GroupAdmin {

    private final GroupStore groups;
    private final Changes changes;
    private final Containment containment;
    private final IdentityAudit audit;

    GroupAdmin(GroupStore groups, Changes changes, Containment containment, IdentityAudit audit) {
        this.groups = groups;
        this.changes = changes;
        this.containment = containment;
        this.audit = audit;
    }

    public List<GroupView> list() {
        return groups.list();
    }

    public GroupView get(UUID id) {
        return groups.find(id).orElseThrow(() -> ApiException.notFound("no group " + id));
    }

    @Transactional
    public GroupView create(Checked<IdentityRequests.CreateGroup> body, Caller caller) {
        IdentityRequests.CreateGroup sent = body.sent();
        List<FieldError> errors = new ArrayList<>(PermissionNames.unknown("permissions", sent.permissions()));
        if (sent.name() != null && groups.resolve(sent.name()).isPresent()) {
            errors.add(new FieldError("name", "is already taken"));
        }
        body.rejectAll(errors);
        IdentityRequests.CreateGroup request = body.valid();
        containment.mayGrant(caller, request.permissions() == null ? List.of() : request.permissions());
        UUID id = groups.insert(request.name(), request.description() == null ? "" : request.description(),
                request.permissions() == null ? List.of() : request.permissions());
        GroupView created = get(id);
        audit.record(caller, "create", "group", id, IdentityAudit.group(created));
        return created;
    }

    @Transactional
    public GroupView update(UUID id, PatchRequest patch, Caller caller) {
        GroupView before = get(id);
        containment.mayGrant(caller, before.permissions());
        if (patch.has("name")) {
            String name = patch.string("name");
            if (name == null || name.isBlank() || name.length() > IdentityRequests.GROUP_NAME) {
                patch.reject(new FieldError("name", Text.between(1, IdentityRequests.GROUP_NAME)));
            } else if (groups.resolve(name).filter(other -> !other.equals(id)).isPresent()) {
                patch.reject(new FieldError("name", "is already taken"));
            } else {
                groups.set(id, "name", name);
            }
        }
        if (patch.has("description")) {
            String description = patch.stringAtMost("description", IdentityRequests.DESCRIPTION);
            groups.set(id, "description", description == null ? "" : description);
        }
        if (patch.has("permissions")) {
            List<String> permissions = patch.strings("permissions") == null ? List.of() : patch.strings("permissions");
            PermissionNames.unknown("permissions", permissions).forEach(patch::reject);
            containment.mayGrant(caller, permissions);
            groups.set(id, "permissions", permissions.toArray(String[]::new));
        }
        patch.validate();
        changes.publish(Directory.TOPIC);
        GroupView after = get(id);
        audit.recordChanges(caller, "group", id, IdentityAudit.group(before), IdentityAudit.group(after));
        return after;
    }

    /** Removing a group takes its permissions (and its shared connections, deleted with it) from its members. */
    @Transactional
    public GroupView delete(UUID id, Caller caller) {
        GroupView group = get(id);
        containment.mayDelete(caller, group);
        groups.delete(id);
        changes.publish(Directory.TOPIC);
        audit.record(caller, "delete", "group", id, IdentityAudit.group(group));
        return group;
    }
}
