package dev.quartermaster.providers.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.providers.ProviderType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the provider surface shows in place of a key: nothing without a key, {@code ****} and at most
 * the last four characters with one. (Which keys keep their last four, those of 16 characters or
 * more, is decided in {@code ProfileService.lastFour}, private; the HTTP tests cover it.)
 */
class ProfileKeyMaskTest {

    @Test
    void aProfileWithoutAKeyShowsNoMask() {
        assertThat(profile(false, null).keyMask()).isNull();
    }

    @Test
    void aKeyWithoutItsLastFourShowsOnlyStars() {
        assertThat(profile(true, null).keyMask()).isEqualTo("****");
    }

    @Test
    void aKeyWithItsLastFourShowsThemAfterTheStars() {
        assertThat(profile(true, "cdef").keyMask()).isEqualTo("****cdef");
    }

    @Test
    void aReplacedKeyNeverPrintsItself() {
        assertThat(new KeyChange.Replace("sk-secret-0123456789")).hasToString("Replace[****]");
    }

    private static Profile profile(boolean hasKey, String lastFour) {
        return new Profile(UUID.randomUUID(), 1, ProviderType.OPENAI, "gpt-4o", null, "p", "", Map.of(), null, hasKey,
                lastFour, false, null, null, 1);
    }
}
