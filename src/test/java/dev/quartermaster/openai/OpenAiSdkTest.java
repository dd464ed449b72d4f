package dev.quartermaster.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.models.models.Model;
import dev.quartermaster.support.Names;
import dev.quartermaster.support.QuartermasterTest;
import dev.quartermaster.support.TestApi;
import dev.quartermaster.support.TestCatalog;
import dev.quartermaster.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK, unmodified but for base URL and key, lists and retrieves our models. */
@QuartermasterTest
class OpenAiSdkTest {

    @Test
    void theOfficialClientListsAndRetrievesModels(TestApi api) {
        String value = Names.unique("sdk-model");
        TestCatalog.create(api, value, "openai", "free", true);
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(api.base() + "/v1")
                .apiKey(TestUsers.create(api, "free").key())
                .build();

        List<Model> models = client.models().list().data();
        Model retrieved = client.models().retrieve(value);

        assertThat(models).extracting(Model::id).contains(value);
        assertThat(retrieved.id()).isEqualTo(value);
        assertThat(retrieved.ownedBy()).isEqualTo("openai");
        assertThat(retrieved.created()).isPositive();
        assertThatThrownBy(() -> client.models().retrieve("no-such-model-" + value))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("does not exist");
    }
}
