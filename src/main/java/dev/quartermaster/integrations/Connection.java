package dev.quartermaster.integrations;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An integration connection, owned by one user or shared with one group. */
public record Connection(String id, String displayName, String integrationConfigId, String nangoConnectionId,
                  UUID ownerUserId, UUID groupId,
                  @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC") OffsetDateTime createdAt) {

    /** Its owner, or a member of its group. */
    boolean usableBy(dev.quartermaster.identity.Caller caller) {
        return caller.userId().equals(ownerUserId) || (groupId != null && caller.groupIds().contains(groupId));
    }
}
