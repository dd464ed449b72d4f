package dev.quartermaster.openai;

import dev.quartermaster.accounts.ModelAccess;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ApiProblem;
import dev.quartermaster.platform.OpenAiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAI Models API, verbatim (seed 003): the models the caller may use, from memory. */
@RestController
@SignedIn
class OpenAiModelsController {

    private final ModelListCache lists;
    private final ModelAccess access;

    OpenAiModelsController(ModelListCache lists, ModelAccess access) {
        this.lists = lists;
        this.access = access;
    }

    /** GET is answered by {@link ModelListFilter} before it gets here; this serves HEAD and documents the endpoint. */
    @GetMapping("/v1/models")
    void list(Caller caller, HttpServletResponse response) throws IOException {
        ModelListCache.write(response, lists.list(caller.tier()));
    }

    /** A catch-all, so that ids with slashes ({@code org/model}) work as they do at OpenAI. */
    @GetMapping("/v1/models/{*id}")
    OpenAiModel get(Caller caller, @PathVariable String id) {
        String value = id.startsWith("/") ? id.substring(1) : id;
        return access.visible(caller.tier(), value).map(OpenAiModel::of).orElseThrow(() -> new ApiException(
                new ApiProblem(404, "Not found", "The model '" + value + "' does not exist or you do not have access to it.")
                        .withOpenAiError(new OpenAiError("invalid_request_error", "model", "model_not_found"))));
    }
}
