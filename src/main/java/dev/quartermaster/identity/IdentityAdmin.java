package dev.quartermaster.identity;

import dev.quartermaster.identity.administration.GroupAdmin;
import dev.quartermaster.identity.administration.IdentityRequests;
import dev.quartermaster.identity.administration.RateLimitAdmin;
import dev.quartermaster.identity.administration.TierAdmin;
import dev.quartermaster.identity.administration.UserAdmin;
import dev.quartermaster.identity.store.GroupRef;
import dev.quartermaster.identity.store.GroupView;
import dev.quartermaster.identity.store.RateLimitView;
import dev.quartermaster.identity.store.UserView;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.PatchRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users, groups, tiers, and the rate limits of tiers and API keys, for a surface other than the
 * admin API (the web console): the administration services' own rules, containment and audit entries, reached with
 * the API's field names (so a refusal names {@code username}, {@code tier}, {@code permissions}, …).
 * The caller's permission is the surface's to check, as the API's handlers do.
 */
@Service
public class IdentityAdmin {

    /** A user as a list shows it: group names, never the password. */
    public record User(UUID id, String username, String displayName, String tier, List<String> permissions,
                       List<String> groups, boolean hasPassword, OffsetDateTime createdAt) {
    }

    public record Group(UUID id, String name, String description, List<String> permissions, int members) {
    }

    /** Requests and tokens per minute and concurrent streams; null is unlimited. */
    public record RateLimits(Integer requestsPerMinute, Integer tokensPerMinute, Integer concurrentStreams) {
    }

    /** A new user's fields as a form gives them; {@code password} empty for none. */
    public record NewUser(String username, String displayName, String tier, List<String> permissions,
                          List<String> groups, String password) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    /** The fields of a user a form edits (not the password, which has an action of its own). */
    public record UserEdit(String displayName, String tier, List<String> permissions, List<String> groups) {
    }

    private final UserAdmin users;
    private final GroupAdmin groups;
    private final TierAdmin tiers;
    private final RateLimitAdmin rateLimits;
    private final JsonMapper mapper;

    IdentityAdmin(UserAdmin users, GroupAdmin groups, TierAdmin tiers, RateLimitAdmin rateLimits, JsonMapper mapper) {
        this.mapper = mapper;
        this.users = users;
        this.groups = groups;
        this.tiers = tiers;
        this.rateLimits = rateLimits;
    }

    public List<User> users(int limit, int offset) {
        return users.list(limit, offset).stream().map(IdentityAdmin::user).toList();
    }

    public User user(UUID id) {
        return user(users.get(id));
    }

    public User create(NewUser u, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("username", blank(u.username()));
        body.put("displayName", blank(u.displayName()));
        body.put("tier", blank(u.tier()));
        strings(body.putArray("permissions"), u.permissions());
        strings(body.putArray("groups"), u.groups());
        body.put("password", blank(u.password()));
        return user(users.create(checked(body, IdentityRequests.CreateUser.class), caller));
    }

    public User update(UUID id, UserEdit edit, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("displayName", blank(edit.displayName()));
        body.put("tier", blank(edit.tier()));
        strings(body.putArray("permissions"), edit.permissions());
        strings(body.putArray("groups"), edit.groups());
        return user(users.update(id, PatchRequest.of(body), caller));
    }

    /** A new password (which ends the user's console sessions); empty removes it. */
    public User resetPassword(UUID id, String password, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("password", blank(password));
        return user(users.update(id, PatchRequest.of(body), caller));
    }

    public User delete(UUID id, Caller caller) {
        return user(users.delete(id, caller));
    }

    public List<Group> groups() {
        return groups.list().stream().map(IdentityAdmin::group).toList();
    }

    public Group group(UUID id) {
        return group(groups.get(id));
    }

    public Group createGroup(String name, String description, List<String> permissions, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", blank(name));
        body.put("description", blank(description));
        strings(body.putArray("permissions"), permissions);
        return group(groups.create(checked(body, IdentityRequests.CreateGroup.class), caller));
    }

    public Group updateGroup(UUID id, String name, String description, List<String> permissions, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", name == null ? null : name.strip());
        body.put("description", description == null ? "" : description.strip());
        strings(body.putArray("permissions"), permissions);
        return group(groups.update(id, PatchRequest.of(body), caller));
    }

    public Group deleteGroup(UUID id, Caller caller) {
        return group(groups.delete(id, caller));
    }

    public List<Tier> tiers() {
        return tiers.list();
    }

    public Tier tier(String name) {
        return tiers.get(name);
    }

    /** A new tier: its name (never changed after: users and limits refer to it), rank, description, managed keys. */
    public Tier createTier(String name, String rank, String description, boolean managedKeys, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", blank(name));
        integer(body, "rank", rank);
        body.put("description", blank(description));
        body.put("managedKeys", managedKeys);
        return tiers.create(checked(body, IdentityRequests.CreateTier.class), caller);
    }

    /** A tier's rank, description and whether its users may use managed keys. */
    public Tier updateTier(String name, String rank, String description, boolean managedKeys, Caller caller) {
        ObjectNode body = mapper.createObjectNode();
        integer(body, "rank", rank);
        body.put("description", description == null ? "" : description.strip());
        body.put("managedKeys", managedKeys);
        return tiers.update(name, PatchRequest.of(body), caller);
    }

    public Tier deleteTier(String name, Caller caller) {
        return tiers.delete(name, caller);
    }

    public RateLimits rateLimits(String tier) {
        return limits(rateLimits.tier(tier));
    }

    /** Replaces the tier's rate limits: each field a whole number, empty for unlimited. */
    public RateLimits setRateLimits(String tier, String requestsPerMinute, String tokensPerMinute,
                                    String concurrentStreams, Caller caller) {
        return limits(rateLimits.setTier(tier, limitsBody(requestsPerMinute, tokensPerMinute, concurrentStreams), true,
                caller));
    }

    public RateLimits keyRateLimits(UUID userId, UUID keyId) {
        return limits(rateLimits.apiKey(userId, keyId));
    }

    /** Replaces one API key's rate limits (on top of its user's tier's), as the tier's are. */
    public RateLimits setKeyRateLimits(UUID userId, UUID keyId, String requestsPerMinute, String tokensPerMinute,
                                       String concurrentStreams, Caller caller) {
        return limits(rateLimits.setApiKey(userId, keyId, limitsBody(requestsPerMinute, tokensPerMinute,
                concurrentStreams), true, caller));
    }

    private PatchRequest limitsBody(String requestsPerMinute, String tokensPerMinute, String concurrentStreams) {
        ObjectNode body = mapper.createObjectNode();
        whole(body, "requestsPerMinute", requestsPerMinute);
        whole(body, "tokensPerMinute", tokensPerMinute);
        whole(body, "concurrentStreams", concurrentStreams);
        return PatchRequest.of(body);
    }

    private static void integer(ObjectNode body, String field, String text) {
        if (text == null || text.isBlank()) {
            body.putNull(field);
            return;
        }
        try {
            body.put(field, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a whole number");
        }
    }

    private static void whole(ObjectNode body, String field, String text) {
        if (text == null || text.isBlank()) {
            body.putNull(field);
            return;
        }
        try {
            body.put(field, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a whole number, or empty for no limit");
        }
    }

    /** The body read as the API reads it: the same field checks, the same messages. */
    private <T> Checked<T> checked(ObjectNode body, Class<T> type) {
        return mapper.readerFor(mapper.getTypeFactory().constructParametricType(Checked.class, type)).readValue(body);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void strings(ArrayNode array, List<String> values) {
        (values == null ? List.<String>of() : values).forEach(array::add);
    }

    private static User user(UserView v) {
        return new User(v.id(), v.username(), v.displayName(), v.tier(), v.permissions(),
                v.groups().stream().map(GroupRef::name).toList(), v.hasPassword(), v.createdAt());
    }

    private static Group group(GroupView v) {
        return new Group(v.id(), v.name(), v.description(), v.permissions(), v.memberIds().size());
    }

    private static RateLimits limits(RateLimitView v) {
        return new RateLimits(v.requestsPerMinute(), v.tokensPerMinute(), v.concurrentStreams());
    }
}
