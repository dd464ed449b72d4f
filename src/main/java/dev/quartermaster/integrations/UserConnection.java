package dev.quartermaster.integrations;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.OffsetDateTime;

/** A connection as seed 003 lists it to a caller, with whether it is their preferred one for its integration. */
public record UserConnection(String id, String displayName, String integrationConfigId, String nangoConnectionId,
                      boolean isPreferred,
                      @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC") OffsetDateTime createdAt) {
}
