package dev.quartermaster.secrets;

/** A sealed value failed authentication: tampered with, moved to another row, or sealed under another key. */
public class SecretUnreadableException extends RuntimeException {

    SecretUnreadableException(SecretOwner owner) {
        super("the sealed value of " + owner + " does not open with the master key: it was altered or moved");
    }
}
