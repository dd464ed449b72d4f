package dev.quartermaster.integrations;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A connection as seed 003 lists it to a caller, with whether it is their preferred one for its integration. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserConnection(String id, String displayName, String integrationConfigId, String nangoConnectionId,
                      boolean isPreferred,
                      @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC") OffsetDateTime createdAt) {
}
