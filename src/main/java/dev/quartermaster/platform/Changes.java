package dev.quartermaster.platform;

import java.util.function.Consumer;

/**
 * Tells every server process that data under a topic changed, so that in-memory views drop it.
 * In this process listeners run right after the transaction commits (read-your-writes); other
 * processes hear of it through PostgreSQL {@code NOTIFY} within milliseconds. A change may name
 * one key of the topic (a user id, say) so that views drop only that entry. Topics are
 * {@link Topic} constants of the modules that publish them.
 */
public interface Changes {

    /** Announces that anything under {@code topic} may have changed; in a transaction, only if it commits. */
    void publish(Topic topic);

    /** Announces that the entry {@code key} of {@code topic} changed. */
    void publish(Topic topic, String key);

    /** {@code listener} runs on every change of the topic, keyed or not. */
    void subscribe(Topic topic, Runnable listener);

    /** {@code one} runs for a keyed change, {@code all} for an unkeyed one (or after missed notifications). */
    void subscribe(Topic topic, Consumer<String> one, Runnable all);
}
