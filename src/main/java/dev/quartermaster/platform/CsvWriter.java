package dev.quartermaster.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180: fields separated by commas, records by CRLF; a field with a comma, a quote, CR or LF is
 * quoted and its quotes doubled. Every export is a file that people open in spreadsheets and that
 * carries values others chose (model, profile and provider names), so a value a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or CR) is prefixed with {@code '} (OWASP's
 * CSV injection rule). A value that already starts with {@code '} gets one more, so that a reader
 * gets every stored value back by dropping one leading {@code '}.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(neutralised(fields.get(i))));
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

    /** A value starting with {@code = + - @}, a tab, CR or {@code '}, prefixed with {@code '}. */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
            default -> value;
        };
    }
}
