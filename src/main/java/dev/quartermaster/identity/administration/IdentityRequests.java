package dev.quartermaster.identity.administration;

import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.MaxBytes;
import dev.quartermaster.platform.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies of the identity admin API, and the limits of their fields: the constraints here
 * check creates, the same constants check partial updates and the API description shows them.
 */
public final class IdentityRequests {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";
    static final String USERNAME_RULE = "1-64 letters, digits or . _ @ -, starting with a letter or digit";
    static final String TIER_NAME = "^[a-z][a-z0-9_-]{0,31}$";
    static final String TIER_NAME_RULE = "1-32 lowercase letters, digits, _ or -, starting with a letter";
    static final int DISPLAY_NAME = 255;
    static final int GROUP_NAME = 100;
    static final int DESCRIPTION = 1000;
    public static final int KEY_NAME = 100;
    static final int PASSWORD_MIN = 12;
    /** bcrypt reads at most 72 bytes: a longer password would be cut without a word, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;

    private IdentityRequests() {
    }

    @CheckedBody
    public record CreateUser(
            @NotBlank(message = Text.REQUIRED) @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
            @Size(max = DISPLAY_NAME, message = Text.AT_MOST) String displayName,
            String tier,
            List<String> permissions,
            List<String> groups,
            @Size(min = PASSWORD_MIN, message = Text.AT_LEAST) @MaxBytes(PASSWORD_MAX_BYTES) String password) {
    }

    @CheckedBody
    public record CreateGroup(
            @NotBlank(message = Text.REQUIRED) @Size(max = GROUP_NAME, message = Text.AT_MOST) String name,
            @Size(max = DESCRIPTION, message = Text.AT_MOST) String description,
            List<String> permissions) {
    }

    @CheckedBody
    public record CreateTier(
            @NotBlank(message = Text.REQUIRED) @Pattern(regexp = TIER_NAME, message = TIER_NAME_RULE) String name,
            @NotNull(message = Text.REQUIRED) Integer rank,
            @Size(max = DESCRIPTION, message = Text.AT_MOST) String description,
            Boolean managedKeys) {
    }

    @CheckedBody
    public record CreateApiKey(@NotBlank(message = Text.REQUIRED) @Size(max = KEY_NAME, message = Text.AT_MOST) String name) {
    }
}
