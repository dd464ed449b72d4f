package dev.quartermaster.identity;

import dev.quartermaster.identity.store.GroupStore;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.Topic;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Existence checks other modules need before they point at a user or a group. */
@Service
public class Directory {

    /** Published when users, their groups, tiers or keys change. */
    public static final Topic TOPIC = new Topic("identity");

    private final UserStore users;
    private final GroupStore groups;

    Directory(UserStore users, GroupStore groups) {
        this.users = users;
        this.groups = groups;
    }

    public boolean userExists(UUID id) {
        return users.exists(id);
    }

    public boolean groupExists(UUID id) {
        return groups.exists(id);
    }
}
