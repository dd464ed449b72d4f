package dev.quartermaster.platform;

/** This build of Quartermaster. */
public final class Build {

    /** The jar's version, or {@code development} when run from the classes (no manifest). */
    public static final String VERSION = version();

    private Build() {
    }

    private static String version() {
        String version = Build.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
