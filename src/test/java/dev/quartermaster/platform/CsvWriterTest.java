package dev.quartermaster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting either way; the formula guard only for files opened in spreadsheets. */
class CsvWriterTest {

    @Test
    void quotesFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        assertThat(exact("a,b", "say \"hi\"", "two\nlines", null, "plain")).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\r\n");
    }

    @Test
    void theExactWriterKeepsFormulasAsTheyAre() throws IOException {
        assertThat(exact("=cmd()", "-1")).isEqualTo("=cmd(),-1\r\n");
    }

    @Test
    void theSpreadsheetWriterNeutralisesEveryFormulaStart() throws IOException {
        assertThat(spreadsheet("=cmd()", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "gpt=4", "", null)).isEqualTo(
                "'=cmd(),'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",gpt=4,,\r\n");
    }

    private static String exact(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.exact(out).row(Arrays.asList(fields));
        return out.toString();
    }

    private static String spreadsheet(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.forSpreadsheets(out).row(Arrays.asList(fields));
        return out.toString();
    }
}
