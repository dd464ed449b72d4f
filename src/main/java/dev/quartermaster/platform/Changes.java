package dev.quartermaster.platform;

/**
 * Tells every server process that data under a topic changed, so that in-memory views drop it.
 * In this process listeners run right after the transaction commits (read-your-writes); other
 * processes hear of it through PostgreSQL {@code NOTIFY} within milliseconds.
 */
public interface Changes {

    /** Announces a change; inside a transaction it takes effect only if that commits. */
    void publish(String topic);

    void subscribe(String topic, Runnable listener);
}
