package dev.quartermaster.providers.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.platform.PatchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The mask sent back unchanged keeps the key; only that exact text does; clearing is explicit. */
class ProfileFormKeyChangeTest {

    /** What the AI-settings surface shows for a stored token (seed 001). */
    private static final String AI_SETTINGS_MASK = "token is set";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MASK = "****cdef";

    @Test
    void aWriteWithoutTheKeyFieldKeepsTheKey() {
        assertThat(keyChange("{\"name\": \"renamed\"}", MASK)).isEqualTo(KeyChange.KEEP);
    }

    @Test
    void theExactMaskKeepsTheKey() {
        assertThat(keyChange("{\"apiKey\": \"****cdef\"}", MASK)).isEqualTo(KeyChange.KEEP);
    }

    @ParameterizedTest(name = "\"{0}\" is a new key, not the mask")
    @ValueSource(strings = {"****0000", "****", "****cdef ", "****CDEF", "***cdef"})
    void anythingButTheExactMaskReplacesTheKey(String sent) {
        assertThat(keyChange("{\"apiKey\": \"" + sent + "\"}", MASK)).isEqualTo(new KeyChange.Replace(sent));
    }

    @ParameterizedTest(name = "{0} clears the key")
    @ValueSource(strings = {"null", "\"\""})
    void nullOrEmptyClearsTheKey(String sent) {
        assertThat(keyChange("{\"apiKey\": " + sent + "}", MASK)).isEqualTo(KeyChange.CLEAR);
    }

    @Test
    void withoutAStoredKeyEvenAMaskShapedValueIsANewKey() {
        assertThat(keyChange("{\"apiKey\": \"****cdef\"}", null)).isEqualTo(new KeyChange.Replace("****cdef"));
    }

    @Test
    void theAiSettingsSurfaceReadsItsOwnFieldAndPlaceholder() {
        PatchRequest kept = PatchRequest.of(JSON.readTree("{\"token\": \"" + AI_SETTINGS_MASK + "\"}"));
        PatchRequest otherSurfacesField = PatchRequest.of(JSON.readTree("{\"apiKey\": \"new\"}"));

        assertThat(ProfileForm.AI_SETTINGS.keyChange(kept, AI_SETTINGS_MASK)).isEqualTo(KeyChange.KEEP);
        assertThat(ProfileForm.AI_SETTINGS.keyChange(otherSurfacesField, AI_SETTINGS_MASK)).isEqualTo(KeyChange.KEEP);
    }

    private static KeyChange keyChange(String body, String mask) {
        return ProfileForm.PROVIDER_SURFACE.keyChange(PatchRequest.of(JSON.readTree(body)), mask);
    }
}
