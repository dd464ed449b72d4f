package dev.quartermaster.gateway.usage.web;

import dev.quartermaster.gateway.usage.OwnUsage;
import dev.quartermaster.gateway.usage.Usage;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.SnakeCaseJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/ai/usage}: the caller's own spend today and this month (UTC) and this month's usage per model. */
@RestController
@SignedIn
@SnakeCaseJson
class OwnUsageController {

    private final Usage usage;

    OwnUsageController(Usage usage) {
        this.usage = usage;
    }

    @GetMapping("/v1/ai/usage")
    OwnUsage get(Caller caller) {
        return usage.own(caller.userId());
    }
}
