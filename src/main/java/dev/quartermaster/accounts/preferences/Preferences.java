package dev.quartermaster.accounts.preferences;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A user's preferred model. */
@Service
public class Preferences {

    private final PreferenceStore store;

    Preferences(PreferenceStore store) {
        this.store = store;
    }

    public Optional<String> model(UUID userId) {
        return store.model(userId);
    }

    public void setModel(UUID userId, String model) {
        store.setModel(userId, model);
    }
}
