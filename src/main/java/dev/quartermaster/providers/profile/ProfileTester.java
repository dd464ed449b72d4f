package dev.quartermaster.providers.profile;

import dev.quartermaster.audit.AuditLog;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.SharedRateLimits;
import dev.quartermaster.providers.ProbeRequest;
import dev.quartermaster.providers.ProbeResult;
import dev.quartermaster.providers.ProviderProbe;
import dev.quartermaster.providers.ProviderType;
import dev.quartermaster.providers.ProvidersProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test calls: a saved profile as the base with the request's fields over it, or an ad hoc
 * configuration. Limited per caller, recorded in the audit log, never a 5xx for a provider's fault.
 */
@Service
public class ProfileTester {

    /** What the caller asked to test; any field may be null. */
    @CheckedBody
    public record TestInput(UUID profileId, String provider, String apiBaseUrl, String apiKey, String modelName,
                            String defaultSystemPrompt) {

        @Override
        public String toString() {
            return "TestInput[" + profileId + ", " + provider + ", " + apiBaseUrl + ", " + modelName + "]";
        }
    }

    private final ProfileService profiles;
    private final ProviderProbe probe;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final SharedRateLimits.Limiter limiter;

    ProfileTester(ProfileService profiles, ProviderProbe probe, AuditLog audit, TransactionTemplate tx,
                  ProvidersProperties properties, SharedRateLimits limits) {
        this.profiles = profiles;
        this.probe = probe;
        this.audit = audit;
        this.tx = tx;
        this.limiter = limits.limiter("provider test calls", properties.testLimit(), Duration.ofMinutes(1));
    }

    public ProbeResult test(TestInput input, Caller caller) {
        Profile base = input.profileId() == null ? null : profiles.get(input.profileId());
        ProbeRequest request = resolve(input, base);
        limiter.acquire(caller.userId().toString(), "test calls");
        ProbeResult result = probe.chat(request);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", request.provider().wireName());
        details.put("resolvedApiBaseUrl", result.resolvedApiBaseUrl());
        details.put("resolvedModelName", result.resolvedModelName());
        details.put("succeeded", result.succeeded());
        details.put("errorMessage", result.errorMessage());
        tx.executeWithoutResult(status -> audit.record(caller, "test", ProfileService.AUDIT_TYPE,
                base == null ? null : base.id().toString(), details));
        return result;
    }

    private ProbeRequest resolve(TestInput in, Profile base) {
        List<FieldError> errors = new ArrayList<>();
        String baseUrl = in.apiBaseUrl() != null ? in.apiBaseUrl() : base == null ? null : base.baseUrl();
        ProviderType provider = provider(in, base, baseUrl, errors);
        String model = in.modelName() != null ? in.modelName() : base == null ? null : base.model();
        String prompt = in.defaultSystemPrompt() != null ? in.defaultSystemPrompt()
                : base == null ? null : base.defaultSystemPrompt();
        String key = key(in, base, provider, baseUrl, errors);
        if (base == null && (baseUrl == null || baseUrl.isBlank())) {
            errors.add(new FieldError("apiBaseUrl", "is required when no profileId is given"));
        }
        if (key == null && base == null && (provider == null || provider.needsKey())) {
            errors.add(new FieldError("apiKey", "is required when no profileId is given"));
        }
        if (model == null || model.isBlank()) {
            errors.add(new FieldError("modelName", "is required when no profileId is given"));
        }
        tooLong("modelName", in.modelName(), ProfileRules.MODEL, errors);
        tooLong("defaultSystemPrompt", in.defaultSystemPrompt(), ProfileRules.SYSTEM_PROMPT, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ProbeRequest(provider, probe.baseUrl(provider, baseUrl), key, model, prompt);
    }

    /** A test call sends what a saved profile could hold, and no more (every call may cost the key's owner). */
    private static void tooLong(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static ProviderType provider(TestInput in, Profile base, String baseUrl, List<FieldError> errors) {
        if (in.provider() != null) {
            return ProviderType.parse(in.provider()).orElseGet(() -> {
                errors.add(new FieldError("provider",
                        "must be one of: openai, gemini, mistral, ollama, anthropic, openai_like"));
                return null;
            });
        }
        return base != null ? base.provider() : ProviderInference.fromBaseUrl(baseUrl);
    }

    /**
     * The request's key, unless it is the mask of the saved one; else the saved profile's key, but
     * only towards the saved endpoint: a stored key is never sent to a host the request names.
     */
    private String key(TestInput in, Profile base, ProviderType provider, String baseUrl, List<FieldError> errors) {
        boolean sentMask = base != null && in.apiKey() != null && in.apiKey().equals(base.keyMask());
        if (in.apiKey() != null && !in.apiKey().isEmpty() && !sentMask) {
            return in.apiKey();
        }
        if (base == null) {
            return null;
        }
        if (!probe.sameEndpoint(provider, baseUrl, base.provider(), base.baseUrl())) {
            errors.add(new FieldError("apiKey", "is required to test against another endpoint than the saved one;"
                    + " the saved key is only sent to the saved endpoint"));
            return null;
        }
        return profiles.key(base.id()).orElse(null);
    }
}
