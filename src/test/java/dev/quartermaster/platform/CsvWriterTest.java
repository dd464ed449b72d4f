package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting, and the formula guard that one dropped leading quote undoes. */
class CsvWriterTest {

    @Test
    void quotesFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        assertThat(csv("a,b", "say \"hi\"", "two\nlines", null, "plain")).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\r\n");
    }

    @Test
    void neutralisesEveryFormulaStart() throws IOException {
        assertThat(csv("=cmd()", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "gpt=4", "", null)).isEqualTo(
                "'=cmd(),'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",gpt=4,,\r\n");
    }

    @Test
    void aValueStartingWithAQuoteGetsAnotherSoThatDroppingOneGivesItBack() throws IOException {
        assertThat(csv("'=x", "'plain", "it's")).isEqualTo("''=x,''plain,it's\r\n");
    }

    private static String csv(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList(fields));
        return out.toString();
    }
}
