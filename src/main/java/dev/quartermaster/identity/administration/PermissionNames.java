package dev.quartermaster.identity.administration;

import dev.quartermaster.identity.Permissions;
import dev.quartermaster.platform.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Checks permission names sent by an admin, one error per unknown name. */
final class PermissionNames {

    private PermissionNames() {
    }

    static List<FieldError> unknown(String field, List<String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            if (!Permissions.ALL.contains(names.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown permission '" + names.get(i)
                        + "'; known are " + Permissions.ALL.stream().sorted().toList()));
            }
        }
        return errors;
    }
}
