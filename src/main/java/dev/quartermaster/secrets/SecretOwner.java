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

    @Override
    public String toString() {
        return table + "/" + rowId + "/" + field;
    }
}
