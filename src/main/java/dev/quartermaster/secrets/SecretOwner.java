package dev.quartermaster.secrets;

import java.nio.charset.StandardCharsets;

/**
 * The row and field a secret belongs to. It is the AEAD associated data of the ciphertext, so a
 * ciphertext copied to another owner fails authentication instead of opening.
 */
public record SecretOwner(String table, String rowId, String field) {

    public SecretOwner {
        if (table == null || table.isBlank() || rowId == null || rowId.isBlank() || field == null || field.isBlank()) {
            throw new IllegalArgumentException("a secret owner needs a table, a row id and a field");
        }
    }

    byte[] associatedData() {
        return ("quartermaster/v1/" + table + "/" + rowId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** The owner {@link #toString()} wrote: {@code table/rowId/field}. */
    static SecretOwner parse(String text) {
        int first = text.indexOf('/');
        int last = text.lastIndexOf('/');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("not a secret owner: " + text);
        }
        return new SecretOwner(text.substring(0, first), text.substring(first + 1, last), text.substring(last + 1));
    }

    @Override
    public String toString() {
        return table + "/" + rowId + "/" + field;
    }
}
