package dev.quartermaster.platform;

/**
 * A larger request-body limit for the paths of one surface (the gateway's, which carry images),
 * contributed as a bean; every other path keeps {@code qm.max-body-bytes}.
 */
public record BodyLimit(long bytes, String... paths) {

    boolean appliesTo(String path) {
        for (String prefix : paths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
