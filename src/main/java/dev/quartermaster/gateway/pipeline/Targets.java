package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.accounts.KeyResolution;
import dev.quartermaster.accounts.KeyResolver;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.providers.ProfileSummary;
import dev.quartermaster.providers.ProviderProbe;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The targets a route may use, in order, each with the key that pays. A user's own (BYOK) key goes
 * only to its provider's default endpoint, never to a profile's other host; a managed key only to
 * its own profile's endpoint. A route none of whose profiles has a key for this caller is a 403
 * saying why, in the words of {@code /v1/ai/keys/sources}.
 */
@Component
class Targets {

    private final KeyResolver keys;
    private final ProviderProbe endpoints;

    Targets(KeyResolver keys, ProviderProbe endpoints) {
        this.keys = keys;
        this.endpoints = endpoints;
    }

    List<Target> of(Caller caller, Route route) {
        List<Target> targets = new ArrayList<>();
        String refusal = null;
        for (ProfileSummary profile : route.profiles()) {
            KeyResolution key = resolve(caller, profile);
            if (key instanceof KeyResolution.NotAvailable none) {
                refusal = refusal != null ? refusal : none.reason();
                continue;
            }
            targets.add(new Target(profile, key, endpoint(caller, profile, key, route),
                    Upstreams.of(profile.provider())));
        }
        if (targets.isEmpty()) {
            throw GatewayErrors.noKey(refusal);
        }
        return targets;
    }

    private KeyResolution resolve(Caller caller, ProfileSummary profile) {
        boolean byokReachable = endpoints.baseUrl(profile.provider(), null) != null;
        return keys.resolveFor(caller.userId(), caller.tier(), profile, byokReachable);
    }

    private Endpoint endpoint(Caller caller, ProfileSummary profile, KeyResolution key, Route route) {
        String baseUrl = key instanceof KeyResolution.Byok
                ? endpoints.baseUrl(profile.provider(), null)
                : endpoints.baseUrl(profile.provider(), profile.baseUrl());
        String clear = keys.openKey(caller.userId(), key).orElse("");
        return new Endpoint(baseUrl, clear, route.model().value());
    }
}
