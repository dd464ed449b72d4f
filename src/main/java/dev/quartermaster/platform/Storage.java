package dev.quartermaster.platform;

import java.nio.file.Path;

/** Where this server keeps its data: the data directory, and whether the database is embedded in it. */
public record Storage(Path dataDir, boolean embeddedDatabase) {
}
