package dev.quartermaster.providers;

import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Snapshot;
import dev.quartermaster.platform.Topic;
import dev.quartermaster.providers.profile.ProfileService;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The providers module's read API: every provider profile, from memory, current within a second on
 * every server process; and a profile's key for a call paid with it.
 */
@Service
public class ProviderProfiles {

    public static final Topic TOPIC = new Topic("providers");

    private final Snapshot<List<ProfileSummary>> profiles;
    private final ProfileService service;

    ProviderProfiles(Changes changes, ProfileService service) {
        this.service = service;
        this.profiles = Snapshot.of(changes, TOPIC, service::summaries);
    }

    public List<ProfileSummary> all() {
        return profiles.get();
    }

    public Optional<ProfileSummary> find(UUID id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The clear key of a profile (a managed key), for a call made on its behalf; never shown. */
    public Optional<String> managedKey(UUID id) {
        return service.key(id);
    }
}
