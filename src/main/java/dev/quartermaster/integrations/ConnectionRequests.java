package dev.quartermaster.integrations;

import dev.quartermaster.platform.CheckedBody;
import dev.quartermaster.platform.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the integrations surfaces, with the limits of their fields. */
public final class ConnectionRequests {

    static final String INTEGRATION_ID = "^[a-z0-9][a-z0-9._-]{0,63}$";
    static final int INTEGRATION_ID_LENGTH = 64;
    static final int NAME_LENGTH = 255;

    private ConnectionRequests() {
    }

    /** A connection is owned by exactly one user or one group; {@link Connections} checks which. */
    @CheckedBody
    public record Create(
            @NotBlank(message = Text.REQUIRED)
            @Size(max = NAME_LENGTH, message = Text.AT_MOST) String displayName,
            @NotBlank(message = Text.REQUIRED)
            @Size(max = INTEGRATION_ID_LENGTH, message = Text.AT_MOST)
            @Pattern(regexp = INTEGRATION_ID, message = "must be lowercase letters, digits, . _ or -")
            String integrationConfigId,
            @NotBlank(message = Text.REQUIRED)
            @Size(max = NAME_LENGTH, message = Text.AT_MOST) String nangoConnectionId,
            UUID ownerUserId,
            UUID groupId) {
    }

    @CheckedBody
    public record Prefer(@NotBlank(message = Text.REQUIRED) String connectionId) {
    }
}
