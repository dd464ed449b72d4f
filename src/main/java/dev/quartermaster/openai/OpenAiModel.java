package dev.quartermaster.openai;

import dev.quartermaster.catalog.CatalogModel;
import java.util.List;

/** A model in the OpenAI Models API's own shape; {@code owned_by} is the provider, {@code created} in epoch seconds. */
record OpenAiModel(String id, String object, long created, String ownedBy) {

    static OpenAiModel of(CatalogModel model) {
        return new OpenAiModel(model.value(), "model", model.createdAt().getEpochSecond(),
                model.provider() == null ? "quartermaster" : model.provider());
    }

    record ModelList(String object, List<OpenAiModel> data) {
    }
}
