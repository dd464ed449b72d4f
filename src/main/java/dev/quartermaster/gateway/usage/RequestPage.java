package dev.quartermaster.gateway.usage;

import java.util.List;

/** A page of the request log, newest first; {@code nextCursor} asks for the page after it, null at the end. */
public record RequestPage(List<LedgerEntry> data, String nextCursor) {

    public RequestPage {
        data = List.copyOf(data);
    }
}
