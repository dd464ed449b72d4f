package dev.quartermaster.providers.profile;

/** What a write does to the stored key: keep it, replace it, or clear it. */
public sealed interface KeyChange {

    record Keep() implements KeyChange {
    }

    record Replace(String key) implements KeyChange {

        @Override
        public String toString() {
            return "Replace[****]";
        }
    }

    record Clear() implements KeyChange {
    }

    KeyChange KEEP = new Keep();
    KeyChange CLEAR = new Clear();
}
