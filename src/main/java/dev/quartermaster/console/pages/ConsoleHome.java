package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console}: the first page the caller may open. */
@Controller
@Hidden
class ConsoleHome {

    @GetMapping("/console")
    @SignedIn
    String home(Caller caller) {
        return "redirect:" + Navigation.of(caller).getFirst().href();
    }
}
