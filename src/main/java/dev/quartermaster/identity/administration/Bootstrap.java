package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.IdentityProperties;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.identity.authentication.KeyHasher;
import dev.quartermaster.identity.store.ApiKeyStore;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.StartupRefusedException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database, creates user {@code admin} with every permission and the highest tier,
 * before the server takes requests. Several processes starting at once create it once.
 */
@Component
public class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final TransactionTemplate tx;
    private final UserStore users;
    private final ApiKeyStore keys;
    private final KeyHasher hasher;
    private final Tiers tiers;
    private final BCryptPasswordEncoder passwords;
    private final IdentityProperties.Bootstrap settings;
    private final String command;
    private final String serverAddress;

    Bootstrap(TransactionTemplate tx, UserStore users, ApiKeyStore keys, KeyHasher hasher,
              Tiers tiers, BCryptPasswordEncoder passwords, IdentityProperties properties,
              @Value("${qm.command:}") String command,
              @Value("${server.address:localhost}:${server.port:8080}") String serverAddress) {
        this.tx = tx;
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.tiers = tiers;
        this.passwords = passwords;
        this.settings = properties.bootstrap();
        this.command = command;
        this.serverAddress = serverAddress;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (command.isEmpty()) {
            tx.executeWithoutResult(status -> createAdminIfEmpty());
        }
    }

    private void createAdminIfEmpty() {
        users.lockFirstUserCreation();
        if (users.anyExist()) {
            return;
        }
        String password = blankToNull(settings.adminPassword());
        if (password != null && UserAdmin.passwordProblem(password) != null) {
            throw new StartupRefusedException("QM_BOOTSTRAP_ADMIN_PASSWORD " + UserAdmin.passwordProblem(password));
        }
        UUID id = users.insert("admin", "Administrator", tiers.highest().name(), List.copyOf(Permissions.ALL),
                password == null ? null : passwords.encode(password));
        String key = blankToNull(settings.adminKey());
        boolean generated = key == null && password == null;
        if (generated) {
            key = KeyHasher.newApiKey();
        }
        if (key != null) {
            keys.insert(id, "bootstrap", KeyHasher.prefixOf(key), hasher.hash(key));
        }
        log.info("created the first user 'admin' with every permission");
        if (generated) {
            announce(key);
        }
    }

    /** The generated key is shown once, on the console only, never through the log. */
    private void announce(String key) {
        System.out.println("""

                ================================================================================
                Quartermaster created user 'admin'. Its API key, shown only this once:

                    %s

                Try it:
                    curl -H "Authorization: Bearer %s" http://%s/api/v1/system/me
                ================================================================================
                """.formatted(key, key, serverAddress));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
