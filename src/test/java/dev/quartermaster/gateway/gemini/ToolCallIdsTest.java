package dev.quartermaster.gateway.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolCallIdsTest {

    @Test
    void aSignatureSurvivesTheRoundTripThroughAnId() {
        String signature = "CpcCAdHtim9+/ZZ0b3Mx7w==";

        String id = ToolCallIds.create(signature);

        assertThat(id).matches("call_[A-Za-z0-9]{24}_ts_[A-Za-z0-9_-]+");
        assertThat(ToolCallIds.signature(id)).isEqualTo(signature);
    }

    @Test
    void idsWithoutASignatureCarryNone() {
        assertThat(ToolCallIds.create(null)).matches("call_[A-Za-z0-9]{24}");
        assertThat(ToolCallIds.create("not base64!")).matches("call_[A-Za-z0-9]{24}");
        assertThat(ToolCallIds.signature(ToolCallIds.create(null))).isNull();
        assertThat(ToolCallIds.signature("call_abc")).isNull();
        assertThat(ToolCallIds.signature("toolu_01A09q90qw90lq917835lq9")).isNull();
        assertThat(ToolCallIds.signature(null)).isNull();
    }

    @Test
    void idsAreFresh() {
        assertThat(ToolCallIds.create(null)).isNotEqualTo(ToolCallIds.create(null));
    }
}
