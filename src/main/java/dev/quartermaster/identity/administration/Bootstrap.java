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
 * before the server takes requests, and tells the operator how to sign in as it. Several
 * processes starting at once create it once; only the one that created it prints the banner.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    private static final int MIN_KEY_LENGTH = 32;

    private final TransactionTemplate tx;
    private final UserStore users;
    private final ApiKeyStore keys;
    private final KeyHasher hasher;
    private final Tiers tiers;
    private final BCryptPasswordEncoder passwords;
    private final IdentityProperties.Bootstrap settings;
    private final String command;
    private final String baseUrl;

    Bootstrap(TransactionTemplate tx, UserStore users, ApiKeyStore keys, KeyHasher hasher,
              Tiers tiers, BCryptPasswordEncoder passwords, IdentityProperties properties,
              @Value("${qm.command:}") String command,
              @Value("${server.address:}") String serverAddress, @Value("${server.port:8080}") String serverPort) {
        this.tx = tx;
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.tiers = tiers;
        this.passwords = passwords;
        this.settings = properties.bootstrap();
        this.command = command;
        this.baseUrl = baseUrl(serverAddress, serverPort);
    }

    /**
     * Printed here, while the server does not yet accept requests, so that whoever sees it healthy
     * can already read how to get in, and a start that fails later has still shown a generated key.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (command.isEmpty()) {
            Access access = tx.execute(status -> createAdminIfEmpty());
            if (access != null) {
                printBanner(access.instructions(baseUrl));
            }
        }
    }

    /** How the operator signs in as the new admin; null when the database already had users. */
    private Access createAdminIfEmpty() {
        users.lockFirstUserCreation();
        String key = blankToNull(settings.adminKey());
        String password = blankToNull(settings.adminPassword());
        if (users.anyExist()) {
            if (key != null || password != null) {
                log.info("users exist, so QM_BOOTSTRAP_ADMIN_KEY and QM_BOOTSTRAP_ADMIN_PASSWORD were not used:"
                        + " they apply to an empty database only");
            }
            return null;
        }
        if (key != null && keyProblem(key) != null) {
            throw new StartupRefusedException("QM_BOOTSTRAP_ADMIN_KEY " + keyProblem(key));
        }
        if (password != null && UserAdmin.passwordProblem(password) != null) {
            throw new StartupRefusedException("QM_BOOTSTRAP_ADMIN_PASSWORD " + UserAdmin.passwordProblem(password));
        }
        UUID id = users.insert("admin", "Administrator", tiers.highest().name(), List.copyOf(Permissions.ALL),
                password == null ? null : passwords.encode(password));
        Access access = Access.of(id, key != null, password != null);
        String adminKey = access instanceof Access.GeneratedKey generated ? generated.key() : key;
        if (adminKey != null) {
            keys.insert(id, "bootstrap", KeyHasher.prefixOf(adminKey), hasher.hash(adminKey));
        }
        log.info("created the first user 'admin' (id {}) with every permission", id);
        return access;
    }

    /**
     * On the console only, never through the logger: it may hold the generated key. Framed by
     * rules so that it stands out among JSON log lines; the lines inside carry no prefix, so that
     * a command in them can be copied whole.
     */
    private static void printBanner(List<String> lines) {
        String rule = "#".repeat(88);
        String banner = "\n\n" + rule + "\n\n" + String.join("\n", lines) + "\n\n" + rule + "\n\n";
        System.out.print(banner);
        System.out.flush();
    }

    /**
     * The address to show in the curl lines: a wildcard or unset address is reached as localhost;
     * a port of 0 is not chosen yet (Tomcat's log line names it).
     */
    static String baseUrl(String address, String port) {
        String host = switch (address.strip()) {
            case "", "0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0" -> "localhost";
            case String other when other.contains(":") && !other.startsWith("[") -> "[" + other + "]";
            case String other -> other;
        };
        return "http://" + host + ":" + (port.strip().equals("0") ? "<port>" : port.strip());
    }

    /**
     * Why {@code key} is too weak to be the admin's, or null: it must have at least 32 characters,
     * at least 10 different ones, and not be one short run repeated ({@code abcabcabc…}).
     */
    static String keyProblem(String key) {
        if (key.length() < MIN_KEY_LENGTH || key.chars().distinct().count() < 10 || repeats(key)) {
            return "must be at least " + MIN_KEY_LENGTH + " characters, at least 10 of them different, and not a"
                    + " repetition; for example qm_ followed by the output of: openssl rand -hex 24";
        }
        return null;
    }

    /** Whether {@code key} is a shorter string written again and again. */
    private static boolean repeats(String key) {
        return (key + key).indexOf(key, 1) < key.length();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The four ways a first admin comes to be, each with what the operator must be told. */
    sealed interface Access {

        static Access of(UUID adminId, boolean keySet, boolean passwordSet) {
            if (keySet) {
                return passwordSet ? new KeyAndPassword() : new ConfiguredKey();
            }
            return passwordSet ? new PasswordOnly(adminId) : new GeneratedKey(KeyHasher.newApiKey());
        }

        List<String> instructions(String baseUrl);

        private static String me(String baseUrl) {
            return baseUrl + "/api/v1/system/me";
        }

        /** Neither setting: the only time a key is shown, since only its hash is kept. */
        record GeneratedKey(String key) implements Access {

            @Override
            public List<String> instructions(String baseUrl) {
                return List.of("Quartermaster created user 'admin' with every permission.",
                        "Its API key, shown only this once (only a hash of it is kept):", "",
                        "    " + key, "",
                        "Try it:",
                        "    curl -H \"Authorization: Bearer " + key + "\" " + me(baseUrl));
            }

            @Override
            public String toString() {
                return "GeneratedKey[****]";
            }
        }

        record ConfiguredKey() implements Access {

            @Override
            public List<String> instructions(String baseUrl) {
                return List.of("Quartermaster created user 'admin' with every permission.",
                        "Its API key is the value of QM_BOOTSTRAP_ADMIN_KEY (not shown); no key was generated.", "",
                        "Try it:",
                        "    curl -H \"Authorization: Bearer $QM_BOOTSTRAP_ADMIN_KEY\" " + me(baseUrl));
            }
        }

        record KeyAndPassword() implements Access {

            @Override
            public List<String> instructions(String baseUrl) {
                return List.of("Quartermaster created user 'admin' with every permission.",
                        "Its API key is the value of QM_BOOTSTRAP_ADMIN_KEY and its password that of",
                        "QM_BOOTSTRAP_ADMIN_PASSWORD (neither shown); no key was generated.", "",
                        "Try it:",
                        "    curl -H \"Authorization: Bearer $QM_BOOTSTRAP_ADMIN_KEY\" " + me(baseUrl),
                        "    curl -u 'admin:<your password>' " + me(baseUrl));
            }
        }

        /** A password alone: nothing secret to show, only the way to a key. */
        record PasswordOnly(UUID adminId) implements Access {

            @Override
            public List<String> instructions(String baseUrl) {
                return List.of(
                        "Quartermaster created user 'admin' with every permission.",
                        "No API key was generated because QM_BOOTSTRAP_ADMIN_PASSWORD is set.", "",
                        "Sign in with HTTP Basic as admin and that password:",
                        "    curl -u 'admin:<your password>' " + me(baseUrl), "",
                        "or create an API key for admin (the answer shows it once, as data.key):",
                        "    curl -u 'admin:<your password>' -H 'Content-Type: application/json' \\",
                        "      -d '{\"name\": \"admin\"}' " + baseUrl + "/api/v1/system/users/" + adminId + "/api-keys");
            }
        }
    }
}
