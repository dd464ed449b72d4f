package dev.quartermaster.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The one way out of this server: connect and total timeouts, no redirects, no cookies, no proxy
 * from the environment, a capped response body, and the address policy applied to the URL's host
 * as written and to every address it resolves to.
 */
@Service
@EnableConfigurationProperties(EgressProperties.class)
public class Egress implements DisposableBean {

    private final EgressProperties properties;
    private final AddressPolicy policy;
    private final CloseableHttpClient client;
    /**
     * Every call's timers. A timer cancelled when its call ends is taken out of the queue at once:
     * by default it would stay until it was due, holding its request, so each call would be kept for
     * the whole of its longest deadline (ten minutes for a gateway call) after it ended.
     */
    private final ScheduledThreadPoolExecutor deadlines = deadlineTimers();

    Egress(EgressProperties properties) {
        this.properties = properties;
        this.policy = new AddressPolicy(properties.allowPrivate());
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.timeout()))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyDnsResolver(policy))
                        .setDefaultConnectionConfig(connection)
                        .setMaxConnTotal(properties.maxConnections()).setMaxConnPerRoute(properties.maxConnections())
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .setUserAgent("Quartermaster")
                .build();
    }

    public OutboundResponse send(OutboundRequest request) throws EgressException {
        return send(request, properties.timeout());
    }

    /** Sends the request and returns whatever HTTP answer came; fails only when none did. */
    public OutboundResponse send(OutboundRequest request, Duration timeout) throws EgressException {
        URI uri = checkUrl(request.uri());
        HttpUriRequestBase http = prepare(request, uri, timeout);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            http.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(http, response -> new OutboundResponse(response.getCode(),
                    response.getEntity() == null ? "" : read(response.getEntity().getContent())));
        } catch (IOException | RuntimeException e) {
            throw classify(e, expired.get(), uri, timeout);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Sends the request and hands back the answer with its body unread, for streams. The caller
     * must close it. Fails only when no answer came within {@code timeouts.firstByte()}.
     */
    public OutboundStream open(OutboundRequest request, StreamTimeouts timeouts) throws EgressException {
        URI uri = checkUrl(request.uri());
        HttpUriRequestBase http = prepare(request, uri, timeouts.idle());
        OpenStream.Deadlines deadlines = new OpenStream.Deadlines(this.deadlines, http);
        deadlines.arm("first byte", timeouts.firstByte());
        deadlines.arm("total", timeouts.total());
        try {
            var response = client.executeOpen(null, http, null);
            deadlines.disarm("first byte");
            return new OpenStream(response, http, deadlines, properties.maxResponseBytes());
        } catch (IOException | RuntimeException e) {
            deadlines.disarmAll();
            throw classify(e, deadlines.expired().isPresent(), uri, timeouts.firstByte());
        }
    }

    private static ScheduledThreadPoolExecutor deadlineTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("qm-egress-deadlines").factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** Timers not yet due nor cancelled, for a test. */
    int pendingDeadlines() {
        return deadlines.getQueue().size();
    }

    private static HttpUriRequestBase prepare(OutboundRequest request, URI uri, Duration readTimeout) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri);
        request.headers().forEach(http::setHeader);
        if (request.jsonBody() != null) {
            http.setEntity(new StringEntity(request.jsonBody(), ContentType.APPLICATION_JSON));
        }
        http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).setRedirectsEnabled(false).build());
        return http;
    }

    /** Judges a URL without sending anything: its form, and its host if that is an address. */
    public void checkAllowed(URI uri) throws EgressException {
        checkUrl(uri);
    }

    private URI checkUrl(URI uri) throws EgressException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new EgressException(EgressException.Kind.INVALID_URL, "only http and https URLs can be called");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new EgressException(EgressException.Kind.INVALID_URL, "credentials in the URL are not allowed");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves hosts such as 127.1 or 0251.0376.0251.0376 unparsed; other clients would not
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":\\d*$", "");
            checkHost(authority);
            throw new EgressException(EgressException.Kind.INVALID_URL, "the URL has no valid host");
        }
        checkHost(uri.getHost());
        return uri;
    }

    private void checkHost(String host) throws EgressException {
        if (AddressPolicy.isMetadataHost(host)) {
            throw refused(host + " is a cloud metadata host and never reachable from this server");
        }
        if (host.startsWith("[")) {
            judge(literal(host.substring(1, host.length() - 1)));
            return;
        }
        var numeric = NumericHost.parse(host);
        if (numeric.isPresent()) {
            AddressPolicy.Verdict verdict = policy.judge(numeric.get().address());
            if (!verdict.allowed()) {
                throw refused(numeric.get().canonical() ? verdict.reason() : host + " means " + verdict.reason());
            }
            if (!numeric.get().canonical()) {
                throw refused(host + " is an address in a non-standard numeric form (it means "
                        + numeric.get().address().getHostAddress() + "); write it as four decimal numbers");
            }
        }
    }

    private void judge(InetAddress address) throws EgressException {
        AddressPolicy.Verdict verdict = policy.judge(address);
        if (!verdict.allowed()) {
            throw refused(verdict.reason());
        }
    }

    private static InetAddress literal(String ipv6) throws EgressException {
        try {
            return InetAddress.getByName(ipv6);
        } catch (UnknownHostException e) {
            throw new EgressException(EgressException.Kind.INVALID_URL, "the host is not a valid IPv6 address");
        }
    }

    private static EgressException refused(String reason) {
        return new EgressException(EgressException.Kind.REFUSED, "refused by the egress policy: " + reason);
    }

    private String read(InputStream in) throws IOException {
        return OpenStream.readCapped(in, properties.maxResponseBytes());
    }

    private static EgressException classify(Exception e, boolean expired, URI uri, Duration timeout) {
        String target = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PolicyDnsResolver.Refused refused) {
                return refused(refused.getMessage());
            }
        }
        if (expired || e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return new EgressException(EgressException.Kind.TIMEOUT,
                    "no answer from " + target + " within " + timeout.toSeconds() + " s");
        }
        if (e instanceof UnknownHostException) {
            return new EgressException(EgressException.Kind.CONNECT, "host not found: " + uri.getHost());
        }
        if (e instanceof ConnectException) {
            return new EgressException(EgressException.Kind.CONNECT, "could not connect to " + target + " (connection refused)");
        }
        if (e instanceof SSLException) {
            return new EgressException(EgressException.Kind.TLS, "TLS with " + target + " failed: " + e.getMessage());
        }
        return new EgressException(EgressException.Kind.IO, "the connection to " + target + " failed ("
                + e.getClass().getSimpleName() + ")");
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
