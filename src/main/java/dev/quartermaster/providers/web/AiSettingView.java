package dev.quartermaster.providers.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quartermaster.providers.profile.Profile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** A profile on the AI-settings surface: the integer id, and "token is set" in place of the key. */
record AiSettingView(long id, String provider, String model, String token, @JsonProperty("base_url") String baseUrl,
                     String name, String description, Map<String, Object> meta,
                     @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt) {

    static final String TOKEN_MASK = "token is set";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static AiSettingView of(Profile p) {
        return new AiSettingView(p.number(), p.provider().wireName(), p.model(), p.hasKey() ? TOKEN_MASK : null,
                p.baseUrl(), p.name(), p.description(), p.meta(),
                TIMESTAMP.format(p.createdAt().withOffsetSameInstant(ZoneOffset.UTC)),
                TIMESTAMP.format(p.updatedAt().withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
