package dev.quartermaster.gateway.web;

import dev.quartermaster.gateway.pipeline.Gateway;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.SnakeCaseJson;
import dev.quartermaster.platform.Usd;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/ai/quote}: a chat body's route (model, provider, key source), the upper bound
 * its call would reserve, and whether it would be admitted now; nobody is called, nothing reserved.
 */
@RestController
@SignedIn
class QuoteController {

    private final Gateway gateway;

    QuoteController(Gateway gateway) {
        this.gateway = gateway;
    }

    @SnakeCaseJson
    record QuoteView(String model, String provider, String keySource, Reserved reserved, boolean admitted, String refusal,
                     String detail) {
    }

    /** {@code amount} in USD. */
    @SnakeCaseJson
    record Reserved(BigDecimal amount, String currency, long inputTokens, long outputTokens) {
    }

    @PostMapping("/v1/ai/quote")
    QuoteView quote(Caller caller, HttpServletRequest request) throws IOException {
        Gateway.Quoted quoted = gateway.quote(caller, GatewayController.apiKeyId(request),
                GatewayController.body(request));
        var quote = quoted.quote();
        boolean admitted = "ok".equals(quote.outcome());
        return new QuoteView(quoted.model(), quoted.payer().provider(), quoted.payer().keySource(),
                new Reserved(Usd.ofNano(quote.amountNano()), "USD", quote.inputTokens(), quote.outputTokens()),
                admitted, admitted ? null : quote.outcome(), quote.detail());
    }
}
