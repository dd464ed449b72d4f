package dev.quartermaster.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180: fields separated by commas, records by CRLF; a field with a comma, a quote, CR or LF is
 * quoted and its quotes doubled. {@link #exact} writes values as stored, so that the file reads back
 * to the same data (the catalog export, which is imported again); {@link #forSpreadsheets} prefixes
 * a value that a spreadsheet would run as a formula with {@code '} (OWASP's CSV injection rule), for
 * files that people open and that carry values others chose (model names, providers).
 */
public final class CsvWriter {

    private final Writer out;
    private final boolean neutralise;

    private CsvWriter(Writer out, boolean neutralise) {
        this.out = out;
        this.neutralise = neutralise;
    }

    public static CsvWriter exact(Writer out) {
        return new CsvWriter(out, false);
    }

    public static CsvWriter forSpreadsheets(Writer out) {
        return new CsvWriter(out, true);
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = fields.get(i);
            out.write(field(neutralise ? neutralised(value) : value));
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

    /** A cell starting with {@code = + - @}, a tab or CR, prefixed with {@code '} so that it stays text. */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
