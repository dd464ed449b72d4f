package dev.quartermaster.identity.web;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/system/me}: who the credential stands for; needs no permission. */
@RestController
@SignedIn
class MeController {

    @GetMapping("/api/v1/system/me")
    Envelope<Caller> me(Caller caller) {
        return Envelope.of(caller);
    }
}
