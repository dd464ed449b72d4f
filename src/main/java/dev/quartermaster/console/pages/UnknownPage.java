package dev.quartermaster.console.pages;

import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console address that no page has: the 404 page in the console's layout, with its menu, not the
 * API's JSON. Every page's own mapping is more specific, so this one answers only when none does;
 * the console's static files are looked up before any page ({@link StaticFilesFirst}).
 */
@Controller
@Hidden
@SignedIn
class UnknownPage {

    @GetMapping("/console/**")
    ModelAndView none() {
        throw ApiException.notFound("the console has no such page");
    }
}
