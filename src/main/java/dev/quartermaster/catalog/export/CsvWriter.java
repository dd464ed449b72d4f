package dev.quartermaster.catalog.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180: fields separated by commas, records by CRLF; a field with a comma, a quote, CR or LF is
 * quoted and its quotes doubled. Values are written exactly as stored (no formula-guard prefix), so
 * that the file reads back to the same data.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
