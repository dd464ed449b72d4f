package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Containment;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.identity.store.RateLimitStore;
import dev.quartermaster.identity.store.RateLimitView;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate limits of tiers and API keys, as admins set them: whole numbers from 0 up, null for no
 * limit. A PATCH changes the fields it sends; a PUT sets all three (an absent one is no limit).
 * An API key's limits are managed like the key itself: only by someone who may manage its user.
 */
@Service
public class RateLimitAdmin {

    static final List<String> FIELDS = List.of("requestsPerMinute", "tokensPerMinute", "concurrentStreams");
    static final String RULE = "must be a whole number from 0 to 2147483647, or null for no limit";

    private final RateLimitStore store;
    private final Tiers tiers;
    private final UserAdmin users;
    private final Containment containment;
    private final IdentityAudit audit;
    private final Changes changes;

    RateLimitAdmin(RateLimitStore store, Tiers tiers, UserAdmin users, Containment containment, IdentityAudit audit,
                   Changes changes) {
        this.store = store;
        this.tiers = tiers;
        this.users = users;
        this.containment = containment;
        this.audit = audit;
        this.changes = changes;
    }

    public RateLimitView tier(String name) {
        requireTier(name);
        return store.tier(name);
    }

    @Transactional
    public RateLimitView setTier(String name, PatchRequest body, boolean replace, Caller caller) {
        requireTier(name);
        containment.mayManageTier(caller, name);
        RateLimitView before = store.tier(name);
        RateLimitView limits = read(body, replace ? RateLimitView.NONE : before);
        store.setTier(name, limits);
        audit.recordChanges(caller, "tier_rate_limits", name, IdentityAudit.limits(before), IdentityAudit.limits(limits));
        changes.publish(Tiers.RATE_LIMITS_TOPIC);
        return limits;
    }

    public RateLimitView apiKey(UUID userId, UUID keyId) {
        requireKey(userId, keyId);
        return store.apiKey(keyId);
    }

    @Transactional
    public RateLimitView setApiKey(UUID userId, UUID keyId, PatchRequest body, boolean replace, Caller caller) {
        requireKey(userId, keyId);
        containment.mayManage(caller, userId);
        RateLimitView before = store.apiKey(keyId);
        RateLimitView limits = read(body, replace ? RateLimitView.NONE : before);
        store.setApiKey(keyId, limits);
        audit.recordChanges(caller, "api_key_rate_limits", keyId, IdentityAudit.limits(before), IdentityAudit.limits(limits));
        changes.publish(Tiers.RATE_LIMITS_TOPIC);
        return limits;
    }

    /** The body's fields over {@code absent}; every invalid field is refused at once. */
    static RateLimitView read(PatchRequest body, RateLimitView absent) {
        body.allowOnly(Set.copyOf(FIELDS));
        Integer requests = field(body, FIELDS.get(0), absent.requestsPerMinute());
        Integer tokens = field(body, FIELDS.get(1), absent.tokensPerMinute());
        Integer streams = field(body, FIELDS.get(2), absent.concurrentStreams());
        body.validate();
        return new RateLimitView(requests, tokens, streams);
    }

    private static Integer field(PatchRequest body, String field, Integer absent) {
        if (!body.has(field)) {
            return absent;
        }
        if (body.isNull(field)) {
            return null;
        }
        tools.jackson.databind.JsonNode node = body.node(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            body.reject(new FieldError(field, RULE));
            return null;
        }
        return node.intValue();
    }

    private void requireTier(String name) {
        tiers.find(name).orElseThrow(() -> ApiException.notFound("no tier " + name));
    }

    private void requireKey(UUID userId, UUID keyId) {
        users.get(userId);
        if (!store.keyOf(userId, keyId)) {
            throw ApiException.notFound("user " + userId + " has no API key " + keyId);
        }
    }
}
