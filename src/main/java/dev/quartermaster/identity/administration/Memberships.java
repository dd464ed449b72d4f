package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Containment;
import dev.quartermaster.identity.store.GroupRef;
import dev.quartermaster.identity.store.GroupStore;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Group membership as user administration sets it: names or ids resolved to groups, and every group
 * a user joins one the caller may confer ({@link Containment#mayConfer}).
 */
@Component
class Memberships {

    private final GroupStore groups;
    private final UserStore users;
    private final Containment containment;

    Memberships(GroupStore groups, UserStore users, Containment containment) {
        this.groups = groups;
        this.users = users;
        this.containment = containment;
    }

    /** The groups named in {@code field}; an unknown one is a field error. */
    List<UUID> resolve(String field, List<String> names, List<FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            int index = i;
            groups.resolve(names.get(i)).ifPresentOrElse(ids::add,
                    () -> errors.add(new FieldError(field + "[" + index + "]", "no such group")));
        }
        return ids;
    }

    /** Sets the user's groups to {@code groupIds}, if the caller may confer each group the user did not have. */
    void set(Caller caller, UUID userId, List<GroupRef> current, List<UUID> groupIds) {
        containment.mayGrant(caller, permissionsOf(groupIds));
        List<UUID> joined = new ArrayList<>(groupIds);
        joined.removeAll(current.stream().map(GroupRef::id).toList());
        joined.forEach(group -> containment.mayConfer(caller, group));
        users.setGroups(userId, groupIds);
    }

    private List<String> permissionsOf(List<UUID> groupIds) {
        return groupIds.stream().flatMap(g -> groups.find(g).stream()).flatMap(g -> g.permissions().stream()).toList();
    }
}
