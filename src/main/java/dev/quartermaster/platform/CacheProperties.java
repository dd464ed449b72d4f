package dev.quartermaster.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code QM_CACHE_CREDENTIAL_MAX_AGE}: how long a credential cache (API keys, callers, vault
 * entries, BYOK keys) may keep an entry without hearing of a change. Changes normally drop entries
 * within milliseconds; this is the backstop for a notification that was lost.
 */
@ConfigurationProperties("qm.cache")
public record CacheProperties(@DefaultValue("60s") Duration credentialMaxAge) {

    public CacheProperties {
        if (credentialMaxAge == null || credentialMaxAge.isNegative() || credentialMaxAge.isZero()) {
            throw new IllegalArgumentException("qm.cache.credential-max-age must be positive, not " + credentialMaxAge);
        }
    }
}
