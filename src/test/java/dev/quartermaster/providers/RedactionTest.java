package dev.quartermaster.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A provider's error is redacted in time linear in what is read, and what is read is bounded: work is
 * counted as characters read (never timed), and compared at two sizes.
 */
class RedactionTest {

    private static final String KEY = "sk-live-9f8e7d6c5b4a39281706";
    private static final int MEGABYTE = 1 << 20;

    @Test
    void aMegabyteOfHostileErrorComesBackShortWithTheKeyStillRedacted() {
        String hostile = "{\"error\":{\"message\":\"bad key " + KEY + ", also sk-proj-abcd****wxyz and AIzaSyA1b2C3d4E5f6 "
                + "a".repeat(MEGABYTE) + "\"}}";

        String clean = Redaction.scrub(hostile, KEY);

        assertThat(clean).doesNotContain(KEY).doesNotContain("sk-proj").doesNotContain("wxyz").doesNotContain("AIzaSy")
                .contains("[redacted]").startsWith("{\"error\":{\"message\":\"bad key [redacted]");
        assertThat(clean.length()).isLessThanOrEqualTo(301);
    }

    @Test
    void keyShapedTokensAreRedactedAndOrdinaryWordsKept() {
        assertThat(Redaction.scrub("Incorrect API key provided: sk-abc1*********************wxyz. See docs.", null))
                .isEqualTo("Incorrect API key provided: [redacted]. See docs.");
        assertThat(Redaction.scrub("key AIzaSyD-1234567890abcdef is invalid", null)).isEqualTo("key [redacted] is invalid");
        assertThat(Redaction.scrub("masked ab12****** value", null)).isEqualTo("masked [redacted] value");
        assertThat(Redaction.scrub("model gpt-4o-mini not found (sk-)", null))
                .isEqualTo("model gpt-4o-mini not found (sk-)");
    }

    @Test
    void findingKeyShapedTextReadsEachCharacterABoundedNumberOfTimes() {
        for (IntFunction<String> hostile : java.util.List.<IntFunction<String>>of(
                n -> "a".repeat(n), n -> "a**".repeat(n / 3), n -> "sk-".repeat(n / 3), n -> "AIza".repeat(n / 4),
                n -> "-".repeat(n) + "**")) {
            long small = reads(hostile.apply(600));
            long large = reads(hostile.apply(1200));

            assertThat(large).as("characters read for %s… at 1,200 against 600", hostile.apply(6))
                    .isLessThanOrEqualTo(2 * small + 16).isLessThanOrEqualTo(8L * 1200);
        }
    }

    private static long reads(String text) {
        CountingText counted = new CountingText(text);
        Redaction.redactKeyLike(counted);
        return counted.reads;
    }

    /** Text that counts how often a character of it is read. */
    private static final class CountingText implements CharSequence {

        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
