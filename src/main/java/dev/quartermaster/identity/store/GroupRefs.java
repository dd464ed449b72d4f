package dev.quartermaster.identity.store;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the group list that the user query aggregates as JSON. */
@Component
class GroupRefs {

    private static final TypeReference<List<GroupRef>> LIST = new TypeReference<>() {
    };

    private final JsonMapper json;

    GroupRefs(JsonMapper json) {
        this.json = json;
    }

    List<GroupRef> parse(String array) {
        return json.readValue(array, LIST);
    }
}
