package dev.quartermaster.identity.store;

/**
 * The rate limits of a tier (applied per user of the tier) or of an API key: requests and tokens
 * per minute and concurrent streams; null means unlimited. The gateway counts calls against them.
 */
public record RateLimitView(Integer requestsPerMinute, Integer tokensPerMinute, Integer concurrentStreams) {

    public static final RateLimitView NONE = new RateLimitView(null, null, null);

    public RateLimitView {
        for (Integer limit : new Integer[] {requestsPerMinute, tokensPerMinute, concurrentStreams}) {
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("a rate limit cannot be negative");
            }
        }
    }

    public boolean none() {
        return requestsPerMinute == null && tokensPerMinute == null && concurrentStreams == null;
    }
}
