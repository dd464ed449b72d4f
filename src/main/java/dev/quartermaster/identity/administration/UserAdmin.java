package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.Containment;
import dev.quartermaster.identity.Directory;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.identity.Tiers;
import dev.quartermaster.identity.authentication.KeyHasher;
import dev.quartermaster.identity.session.SessionStore;
import dev.quartermaster.identity.store.ApiKeyStore;
import dev.quartermaster.identity.store.ApiKeyView;
import dev.quartermaster.identity.store.UserStore;
import dev.quartermaster.identity.store.UserView;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.Changes;
import dev.quartermaster.platform.Checked;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.MaxBytes;
import dev.quartermaster.platform.PatchRequest;
import dev.quartermaster.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of user administration: known tiers, groups and permissions only, and hashed passwords. */
@Service
public class UserAdmin {

    private final UserStore users;
    private final Memberships memberships;
    private final ApiKeyStore keys;
    private final Tiers tiers;
    private final KeyHasher hasher;
    private final BCryptPasswordEncoder passwords;
    private final Changes changes;
    private final Containment containment;
    private final IdentityAudit audit;
    private final SessionStore sessions;

    UserAdmin(UserStore users, Memberships memberships, ApiKeyStore keys, Tiers tiers, KeyHasher hasher,
              BCryptPasswordEncoder passwords, Changes changes, Containment containment, IdentityAudit audit,
              SessionStore sessions) {
        this.users = users;
        this.memberships = memberships;
        this.keys = keys;
        this.tiers = tiers;
        this.hasher = hasher;
        this.passwords = passwords;
        this.changes = changes;
        this.containment = containment;
        this.audit = audit;
        this.sessions = sessions;
    }

    public List<UserView> list(int limit, int offset) {
        return users.list(limit, offset);
    }

    public UserView get(UUID id) {
        return users.find(id).orElseThrow(() -> ApiException.notFound("no user " + id));
    }

    @Transactional
    public UserView create(Checked<IdentityRequests.CreateUser> body, Caller caller) {
        IdentityRequests.CreateUser sent = body.sent();
        List<FieldError> errors = new ArrayList<>(PermissionNames.unknown("permissions", sent.permissions()));
        String tier = sent.tier() == null ? tiers.lowest().name() : sent.tier();
        checkTier("tier", tier, errors);
        List<UUID> groupIds = memberships.resolve("groups", sent.groups(), errors);
        if (sent.username() != null && users.idOf(sent.username()).isPresent()) {
            errors.add(new FieldError("username", "is already taken"));
        }
        body.rejectAll(errors);
        IdentityRequests.CreateUser request = body.valid();
        containment.mayGrant(caller, request.permissions() == null ? List.of() : request.permissions());
        UUID id = users.insert(request.username(), request.displayName(), tier,
                request.permissions() == null ? List.of() : request.permissions(),
                request.password() == null ? null : passwords.encode(request.password()));
        memberships.set(caller, id, List.of(), groupIds);
        changes.publish(Directory.TOPIC);
        UserView created = get(id);
        Map<String, Object> details = IdentityAudit.user(created);
        details.put("password", request.password() == null ? "none" : "set");
        audit.record(caller, "create", "user", id, details);
        return created;
    }

    @Transactional
    public UserView update(UUID id, PatchRequest patch, Caller caller) {
        UserView before = get(id);
        containment.mayManage(caller, id);
        List<FieldError> errors = new ArrayList<>();
        if (patch.has("username")) {
            rename(id, patch);
        }
        if (patch.has("displayName")) {
            users.set(id, "display_name", patch.stringAtMost("displayName", IdentityRequests.DISPLAY_NAME));
        }
        if (patch.has("tier")) {
            String tier = patch.string("tier");
            checkTier("tier", tier, errors);
            if (errors.isEmpty()) {
                users.set(id, "tier", tier);
            }
        }
        if (patch.has("permissions")) {
            List<String> permissions = patch.strings("permissions") == null ? List.of() : patch.strings("permissions");
            errors.addAll(PermissionNames.unknown("permissions", permissions));
            containment.mayGrant(caller, permissions);
            users.set(id, "permissions", permissions.toArray(String[]::new));
        }
        if (patch.has("groups")) {
            memberships.set(caller, id, before.groups(), memberships.resolve("groups", patch.strings("groups"), errors));
        }
        if (patch.has("password")) {
            users.set(id, "password_hash", password(patch));
            sessions.revokeAll(id);
        }
        errors.forEach(patch::reject);
        patch.validate();
        changes.publish(Directory.TOPIC);
        UserView after = get(id);
        audit.recordChanges(caller, "user", id, IdentityAudit.user(before), IdentityAudit.user(after));
        if (patch.has("password")) {
            audit.record(caller, "reset_password", "user", id,
                    Map.of("password", patch.string("password") == null ? "cleared" : "set"));
        }
        return after;
    }

    private void rename(UUID id, PatchRequest patch) {
        String username = patch.string("username");
        if (username == null || !username.matches(IdentityRequests.USERNAME)) {
            patch.reject(new FieldError("username", IdentityRequests.USERNAME_RULE));
        } else if (users.idOf(username).filter(other -> !other.equals(id)).isPresent()) {
            patch.reject(new FieldError("username", "is already taken"));
        } else {
            users.set(id, "username", username);
        }
    }

    @Transactional
    public UserView delete(UUID id, Caller caller) {
        UserView user = get(id);
        containment.mayManage(caller, id);
        if (id.equals(caller.userId())) {
            throw ApiException.conflict("you cannot delete your own user", Map.of());
        }
        users.delete(id);
        changes.publish(Directory.TOPIC);
        audit.record(caller, "delete", "user", id, IdentityAudit.user(user));
        return user;
    }

    @Transactional
    public ApiKeyView createKey(UUID userId, String name, Caller caller) {
        get(userId);
        containment.mayManage(caller, userId);
        String key = KeyHasher.newApiKey();
        ApiKeyView created = keys.insert(userId, name, KeyHasher.prefixOf(key), hasher.hash(key));
        // a key for someone else is a way to act as them: recorded under its own action
        audit.record(caller, userId.equals(caller.userId()) ? "issue" : "issue_for_another_user", "api_key",
                created.id(), IdentityAudit.key(created, get(userId).username()));
        return created.withKey(key);
    }

    public List<ApiKeyView> keys(UUID userId) {
        get(userId);
        return keys.list(userId);
    }

    @Transactional
    public ApiKeyView revokeKey(UUID userId, UUID keyId, Caller caller) {
        containment.mayManage(caller, userId);
        ApiKeyView revoked = keys.revoke(userId, keyId)
                .orElseThrow(() -> ApiException.notFound("user " + userId + " has no API key " + keyId));
        changes.publish(Directory.TOPIC);
        audit.record(caller, "revoke", "api_key", keyId, IdentityAudit.key(revoked, get(userId).username()));
        return revoked;
    }

    private void checkTier(String field, String tier, List<FieldError> errors) {
        if (tier == null || tiers.find(tier).isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + tiers.all().stream().map(Tier::name).toList()));
        }
    }

    private String password(PatchRequest patch) {
        String password = patch.string("password");
        if (password == null) {
            return null;
        }
        String problem = passwordProblem(password);
        if (problem != null) {
            patch.reject(new FieldError("password", problem));
            return null;
        }
        return passwords.encode(password);
    }

    /** The rules of {@link IdentityRequests.CreateUser#password()}, for a partial update. */
    static String passwordProblem(String password) {
        if (password.length() < IdentityRequests.PASSWORD_MIN) {
            return Text.AT_LEAST.replace("{min}", Integer.toString(IdentityRequests.PASSWORD_MIN));
        }
        return MaxBytes.Check.fits(password, IdentityRequests.PASSWORD_MAX_BYTES) ? null
                : MaxBytes.Check.message(IdentityRequests.PASSWORD_MAX_BYTES);
    }
}
