package dev.quartermaster.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's error report for what it refuses itself, before any filter runs (a {@code %00} or a
 * malformed escape in the path, a header too large, an unknown HTTP version): the surface's JSON
 * error shape, by the path as sent, instead of the container's HTML page. Errors raised inside the
 * application never get here; {@link FallbackErrorController} answers those.
 */
final class JsonErrorReportValve extends ErrorReportValve {

    private final ObjectProvider<ErrorResponder> responder;

    JsonErrorReportValve(ObjectProvider<ErrorResponder> responder) {
        this.responder = responder;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        String protocol = request.getProtocol();
        ApiProblem problem = RejectedRequests.forStatus(status, path, request.getQueryString(),
                protocol != null && !protocol.isEmpty());
        try {
            String body = responder.getObject().containerAnswer(path, problem, response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the answer could not be written: nothing more to tell it
        }
    }
}
