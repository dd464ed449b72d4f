package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.ApiException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * No one gains through user administration what they do not hold: a caller grants only
 * permissions they have, and changes, impersonates (keys, passwords) or deletes only users whose
 * permissions are all theirs too. Otherwise {@code users.*} would be a way to every permission.
 */
@Component
class Containment {

    private final UserStore users;

    Containment(UserStore users) {
        this.users = users;
    }

    /** Unknown names are left to validation, which refuses them with a 400. */
    void mayGrant(Caller caller, Collection<String> permissions) {
        Set<String> missing = new TreeSet<>(permissions);
        missing.retainAll(Permissions.ALL);
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw ApiException.forbidden("you cannot grant permissions you do not hold: " + missing);
        }
    }

    void mayManage(Caller caller, UUID userId) {
        users.caller(userId).ifPresent(target -> {
            Set<String> beyond = new TreeSet<>(target.permissions());
            beyond.removeAll(caller.permissions());
            if (!beyond.isEmpty()) {
                throw ApiException.forbidden("this user holds permissions you do not: " + beyond);
            }
        });
    }
}
