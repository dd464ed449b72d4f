package dev.quartermaster.identity.administration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the identity admin API. */
public final class IdentityRequests {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";
    static final String USERNAME_RULE = "1-64 letters, digits or . _ @ -, starting with a letter or digit";

    private IdentityRequests() {
    }

    public record CreateUser(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
            @Size(max = 255) String displayName,
            String tier,
            List<String> permissions,
            List<String> groups,
            String password) {
    }

    public record CreateGroup(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            List<String> permissions) {
    }

    public record CreateTier(
            @NotBlank @Pattern(regexp = "^[a-z][a-z0-9_-]{0,31}$",
                    message = "1-32 lowercase letters, digits, _ or -, starting with a letter") String name,
            @NotNull Integer rank,
            @Size(max = 1000) String description,
            Boolean managedKeys) {
    }

    public record CreateApiKey(@NotBlank @Size(max = 100) String name) {
    }
}
