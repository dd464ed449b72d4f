package dev.quartermaster.platform;

/** The server must not start as configured; the message says why and what to do. */
public class StartupRefusedException extends IllegalStateException {

    public StartupRefusedException(String message) {
        super(message);
    }
}
