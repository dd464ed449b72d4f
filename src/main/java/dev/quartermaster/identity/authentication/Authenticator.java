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
    private final BCryptPasswordEncoder passwords;
    private final KeyedCache<String, ApiKeyStore.KeyOwner> keyOwners;
    private final KeyedCache<String, UUID> verified;
    private final KeyedCache<UUID, Caller> callers;
    private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

    Authenticator(UserStore users, ApiKeyStore keys, KeyHasher hasher, JwtVerifier jwt,
                  BCryptPasswordEncoder passwords, Changes changes, CacheProperties cache) {
        this.users = users;
        this.keys = keys;
        this.hasher = hasher;
        this.jwt = jwt;
        this.passwords = passwords;
        this.keyOwners = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
        this.verified = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
        this.callers = KeyedCache.of(changes, Directory.TOPIC, CACHE_SIZE, cache.credentialMaxAge());
    }

    /** A verified caller, and the API key they signed in with (null for a password or a JWT). */
    public record Verified(Caller caller, UUID apiKeyId) {
    }

    public Optional<Verified> authenticate(Credentials credentials) {
        return switch (credentials) {
            case Credentials.ApiKey k -> apiKey(k.key());
            case Credentials.Jwt j -> withoutKey(jwt.subject(j.token()).flatMap(this::byUsername));
            case Credentials.Basic b -> withoutKey(basic(b.username(), b.password()));
            case Credentials.None n -> Optional.empty();
            case Credentials.Malformed m -> Optional.empty();
        };
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
        UUID id = verified.get("sub:" + username, name -> users.idOf(username).orElse(null));
        return id == null ? Optional.empty() : caller(id);
    }

    private Optional<Caller> basic(String username, String password) {
        String fingerprint = HexFormat.of().formatHex(hasher.hash("basic\u0000" + username + "\u0000" + password));
        UUID id = verified.get(fingerprint, f -> checkPassword(username, password));
        return id == null ? Optional.empty() : caller(id);
    }

    /** Spends the same hashing time whether or not the user exists. */
    private UUID checkPassword(String username, String password) {
        Optional<UserStore.Credentials> stored = users.credentials(username);
        boolean matches = passwords.matches(password, stored.map(UserStore.Credentials::passwordHash).orElse(NO_USER));
        return matches && stored.isPresent() ? stored.get().id() : null;
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
