package dev.quartermaster.catalog;

import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.PatchRequest;

/** Length rules for free text sent to the catalog. */
final class CatalogText {

    private CatalogText() {
    }

    static String bounded(PatchRequest body, String field, int max) {
        String value = body.string(field);
        if (value != null && value.length() > max) {
            body.reject(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }
}
