package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** A partial update as RFC 7396 reads it: absent stays, null clears; type errors are collected per field. */
class PatchRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anAbsentFieldIsNotANullOne() {
        PatchRequest patch = patch("{\"cleared\": null}");

        assertThat(patch.has("cleared")).isTrue();
        assertThat(patch.isNull("cleared")).isTrue();
        assertThat(patch.has("absent")).isFalse();
        assertThat(patch.isNull("absent")).isFalse();
        assertThat(patch.string("cleared")).isNull();
        assertThat(errors(patch)).isEmpty();
    }

    @Test
    void everyWrongTypeIsReportedAtOnceWithItsField() {
        PatchRequest patch = patch("""
                {"s": 1, "b": "true", "i": 1.5, "u": "nope", "list": "a", "long": "abcdef"}""");

        patch.string("s");
        patch.bool("b");
        patch.integer("i");
        patch.uuid("u");
        patch.strings("list");
        patch.stringAtMost("long", 5);

        assertThat(errors(patch)).containsExactly(new FieldError("s", "must be a string"),
                new FieldError("b", "must be true or false"), new FieldError("i", "must be an integer"),
                new FieldError("u", "must be a UUID"), new FieldError("list", "must be an array of strings"),
                new FieldError("long", "must be at most 5 characters"));
    }

    @Test
    void aFieldKeepsOnlyItsFirstError() {
        PatchRequest patch = patch("{}");

        patch.reject(new FieldError("name", "first"));
        patch.reject(new FieldError("name", "second"));

        assertThat(errors(patch)).containsExactly(new FieldError("name", "first"));
    }

    @Test
    void anAmountIsMoneyWithTwoDecimals() {
        assertThat(patch("{\"a\": 12.5}").amount("a")).isEqualTo(new BigDecimal("12.50"));
        assertThat(patch("{\"a\": 1000000000}").amount("a")).isEqualByComparingTo("1000000000");
        assertThat(patch("{\"a\": 3.10}").amount("a")).isEqualTo(new BigDecimal("3.10"));
    }

    @ParameterizedTest(name = "{0} is not an amount")
    @ValueSource(strings = {"-0.01", "0.001", "1000000000.01", "\"5\""})
    void otherAmountsAreRefused(String amount) {
        PatchRequest patch = patch("{\"a\": " + amount + "}");

        assertThat(patch.amount("a")).isNull();
        assertThat(errors(patch)).extracting(FieldError::field).containsExactly("a");
    }

    @Test
    void uuidsLoseRepeatsAndReportEachMalformedOneByPosition() {
        UUID id = UUID.randomUUID();
        PatchRequest patch = patch("{\"ids\": [\"x\", \"%s\", \"%s\", \"y\"]}".formatted(id, id));

        assertThat(patch.uuids("ids")).containsExactly(id);
        assertThat(errors(patch)).extracting(FieldError::field).containsExactly("ids[0]", "ids[3]");
        assertThat(patch("{}").uuids("ids")).isEmpty();
    }

    @Test
    void allowOnlyRefusesEveryOtherField() {
        PatchRequest patch = patch("{\"name\": \"n\", \"nmae\": \"typo\"}").allowOnly(Set.of("name"));

        assertThat(errors(patch)).extracting(FieldError::field).containsExactly("nmae");
    }

    @ParameterizedTest(name = "{0} is no patch")
    @ValueSource(strings = {"[]", "\"text\"", "null", "3"})
    void aBodyMustBeAnObject(String body) {
        assertThatThrownBy(() -> PatchRequest.of(JSON.readTree(body))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("body"));
    }

    private static PatchRequest patch(String json) {
        return PatchRequest.of(JSON.readTree(json));
    }

    private static List<FieldError> errors(PatchRequest patch) {
        try {
            patch.validate();
            return List.of();
        } catch (ApiException e) {
            return e.problem().errors();
        }
    }
}
