package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.accounts.KeyResolution;
import dev.quartermaster.gateway.wire.Endpoint;
import dev.quartermaster.gateway.wire.Upstream;
import dev.quartermaster.providers.ProfileSummary;

/** Where one attempt goes: the profile, the key that pays (resolution and clear key in the endpoint), the protocol. */
record Target(ProfileSummary profile, KeyResolution key, Endpoint endpoint, Upstream upstream) {

    String provider() {
        return profile.provider().wireName();
    }

    @Override
    public String toString() {
        return provider() + " " + profile.id() + " (" + key.source() + ")";
    }
}
