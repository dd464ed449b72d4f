package dev.quartermaster.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only {@code audit_log}; details are stored as JSON. */
@Repository
class AuditStore {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID actorId, String actorName, String action, String targetType, String targetId,
                Map<String, ?> details) {
        jdbc.sql("""
                insert into audit_log (actor_id, actor_name, action, target_type, target_id, details)
                values (?, ?, ?, ?, ?, cast(? as jsonb))
                """)
                .params(actorId, actorName, action, targetType, targetId, json.writeValueAsString(details))
                .update();
    }

    /** Newest first, each filter skipped when null; {@code beforeId} pages backwards. */
    List<AuditEntry> find(AuditLog.Filter filter, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor_id, actor_name, action, target_type, target_id, details::text as details
                  from audit_log
                 where (cast(:type as text) is null or target_type = :type)
                   and (cast(:target as text) is null or target_id = :target)
                   and (cast(:actor as text) is null or actor_name = :actor)
                   and (cast(:action as text) is null or action = :action)
                   and (cast(:from as timestamptz) is null or at >= :from)
                   and (cast(:to as timestamptz) is null or at < :to)
                   and (cast(:before as bigint) is null or id < :before)
                 order by id desc limit :limit
                """)
                .param("type", filter.targetType()).param("target", filter.targetId())
                .param("actor", filter.actor()).param("action", filter.action())
                .param("from", filter.from()).param("to", filter.to())
                .param("before", beforeId).param("limit", limit)
                .query(this::entry).list();
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), json.readValue(rs.getString("details"), DETAILS));
    }
}
