package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.store.ApiKeyStore;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.platform.CacheProperties;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.KeyedCache;
import dev.quartermaster.platform.Topic;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Turns credentials into a {@link Caller}. Verified credentials are remembered (by their keyed
 * hash, never in clear) until anything about identities changes, so a request costs one HMAC and
 * a map lookup; last-used times are written in batches.
 */
@Component
public class Authenticator {

    private static final int CACHE_SIZE = 100_000;
    private static final String NO_USER = new BCryptPasswordEncoder().encode("no such user");

    private final UserStore users;
    private final ApiKeyStore keys;
    private final KeyHasher hasher;
    private final JwtVerifier jwt;
    private final PasswordChecks passwordChecks;
    private final KeyedCache<String, ApiKeyStore.KeyOwner> keyOwners;
    private final KeyedCache<String, UUID> verified;
    private final KeyedCache<UUID, Caller> callers;
    private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

    Authenticator(UserStore users, ApiKeyStore keys, KeyHasher hasher, JwtVerifier jwt,
                  BCryptPasswordEncoder passwords, Changes changes, CacheProperties cache,
                  @Value("${qm.auth.password-checks:0}") int passwordChecks) {
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.jwt = jwt;
        this.passwordChecks = new PasswordChecks(passwordChecks > 0 ? passwordChecks
                : 2 * Runtime.getRuntime().availableProcessors(), passwords::matches);
        this.keyOwners = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
        this.verified = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
        this.callers = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
    }

    /** A verified caller, and the API key they signed in with (null for a password or a JWT). */
    public record Verified(Caller caller, UUID apiKeyId) {
    }

    /** What checking a password found; {@code Busy}: not checked, every slot for password checks was taken. */
    public sealed interface PasswordCheck {
        record Right(Verified verified) implements PasswordCheck {
        }

        record Wrong() implements PasswordCheck {
        }

        record Busy() implements PasswordCheck {
        }
    }

    /** An API key or a JWT: one HMAC or one signature check, and a map lookup once verified. */
    public Optional<Verified> authenticate(Credentials credentials) {
        return switch (credentials) {
            case Credentials.ApiKey k -> apiKey(k.key());
            case Credentials.Jwt j -> withoutKey(jwt.subject(j.token()).flatMap(this::byUsername));
            case Credentials.Basic b -> Optional.empty();
            case Credentials.None n -> Optional.empty();
            case Credentials.Malformed m -> Optional.empty();
        };
    }

    /** A username and password verified before and not changed since: one HMAC, no password hashing. */
    public Optional<Verified> remembered(Credentials.Basic basic) {
        return withoutKey(Optional.ofNullable(verified.get(fingerprint(basic), f -> null)).flatMap(this::caller));
    }

    /** Checks the password with bcrypt, spending the same time whether or not the user exists. */
    public PasswordCheck checkPassword(Credentials.Basic basic) {
        try {
            UUID id = verified.get(fingerprint(basic), f -> checkPassword(basic.username(), basic.password()));
            Optional<Caller> caller = id == null ? Optional.empty() : caller(id);
            return caller.<PasswordCheck>map(c -> new PasswordCheck.Right(new Verified(c, null)))
                    .orElseGet(PasswordCheck.Wrong::new);
        } catch (ChecksBusy busy) {
            return new PasswordCheck.Busy();
        }
    }

    private static Optional<Verified> withoutKey(Optional<Caller> caller) {
        return caller.map(c -> new Verified(c, null));
    }

    private Optional<Verified> apiKey(String key) {
        byte[] hash = hasher.hash(key);
        ApiKeyStore.KeyOwner owner = keyOwners.get(HexFormat.of().formatHex(hash), h -> keys.live(hash).orElse(null));
        if (owner == null) {
            return Optional.empty();
        }
        lastUsed.put(owner.keyId(), Instant.now());
        return caller(owner.userId()).map(c -> new Verified(c, owner.keyId()));
    }

    private Optional<Caller> byUsername(String username) {
        UUID id = verified.get("sub:" + username, name -> users.idOfExactly(username).orElse(null));
        return id == null ? Optional.empty() : caller(id);
    }

    private String fingerprint(Credentials.Basic basic) {
        return HexFormat.of().formatHex(hasher.hash("basic\u0000" + basic.username() + "\u0000" + basic.password()));
    }

    /** Inside the cache's load, so that a password changed meanwhile is not remembered as right. */
    private UUID checkPassword(String username, String password) {
        Optional<UserStore.Credentials> stored = users.credentials(username);
        boolean matches = passwordChecks.matches(password, stored.map(UserStore.Credentials::passwordHash).orElse(NO_USER))
                .orElseThrow(ChecksBusy::new);
        return matches && stored.isPresent() ? stored.get().id() : null;
    }

    /** Thrown out of a cache load to say that the password was not checked. */
    private static final class ChecksBusy extends RuntimeException {
        ChecksBusy() {
            super(null, null, false, false);
        }
    }

    private Optional<Caller> caller(UUID userId) {
        return Optional.ofNullable(callers.get(userId, id -> users.caller(id).orElse(null)));
    }

    @Scheduled(fixedDelayString = "PT15S")
    @PreDestroy
    public void flushLastUsed() {
        if (lastUsed.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = Map.copyOf(lastUsed);
        batch.forEach((id, at) -> lastUsed.remove(id, at));
        keys.touch(batch);
    }
}
