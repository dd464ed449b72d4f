package dev.quartermaster.identity;

import dev.quartermaster.identity.store.GroupStore;
import dev.quartermaster.identity.store.GroupView;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.ApiException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * No one gains through user administration what they do not hold. A user or a group confers
 * permissions and the integration connections shared with its groups: a caller grants only
 * permissions they have, confers (adds to, or deletes) only groups whose permissions they hold and
 * that they belong to, and manages (changes, gives keys to, resets, deletes, sets the budget of)
 * only users whose permissions and groups are all theirs too. Holding {@code integrations.update}
 * stands for every group's connections. Otherwise {@code users.*} would be a way to everything.
 */
@Component
public class Containment {

    private final UserStore users;
    private final GroupStore groups;

    Containment(UserStore users, GroupStore groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Unknown names are left to validation, which refuses them with a 400. */
    public void mayGrant(Caller caller, Collection<String> permissions) {
        Set<String> missing = new TreeSet<>(permissions);
        missing.retainAll(Permissions.ALL);
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw ApiException.forbidden("you cannot grant permissions you do not hold: " + missing);
        }
    }

    /** The user's permissions and groups are all the caller's too (an unknown user is left to a 404). */
    public void mayManage(Caller caller, UUID userId) {
        users.caller(userId).ifPresent(target -> {
            Set<String> beyond = new TreeSet<>(target.permissions());
            beyond.removeAll(caller.permissions());
            if (!beyond.isEmpty()) {
                throw ApiException.forbidden("this user holds permissions you do not: " + beyond);
            }
            if (!sharesConnections(caller) && !caller.groupIds().containsAll(target.groupIds())) {
                throw ApiException.forbidden("this user belongs to groups you do not, whose connections you cannot use");
            }
        });
    }

    /** A tier-wide setting (budget, rate limits) changes every user of the tier: each must be manageable. */
    public void mayManageTier(Caller caller, String tier) {
        if (users.anyInTierBeyond(tier, caller.permissions(), caller.groupIds(), !sharesConnections(caller))) {
            throw ApiException.forbidden("tier " + tier + " has users with permissions or groups you do not hold");
        }
    }

    /** The caller may add users to the group: they hold its permissions and belong to it. */
    public void mayConfer(Caller caller, UUID groupId) {
        groups.find(groupId).ifPresent(group -> mayConfer(caller, group));
    }

    /** The caller may remove the group: they could confer it, and may manage every member. */
    public void mayDelete(Caller caller, GroupView group) {
        mayConfer(caller, group);
        group.memberIds().forEach(member -> mayManage(caller, member));
    }

    private void mayConfer(Caller caller, GroupView group) {
        mayGrant(caller, group.permissions());
        if (!sharesConnections(caller) && !caller.groupIds().contains(group.id())) {
            throw ApiException.forbidden("you do not belong to group " + group.name()
                    + ", so its shared connections are not yours to confer");
        }
    }

    private static boolean sharesConnections(Caller caller) {
        return caller.can(Permissions.INTEGRATIONS_UPDATE);
    }
}
