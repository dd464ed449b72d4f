package dev.quartermaster.console.session;

import dev.quartermaster.identity.ConsoleSessions;
import dev.quartermaster.identity.PublicEndpoint;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.platform.Build;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in form's post and sign-out. The form itself is the root page ({@code GET /}). */
@Controller
@Hidden
class SignInController {

    private final ConsoleSessions sessions;

    SignInController(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/console/sign-in")
    @PublicEndpoint
    String form() {
        return "redirect:/";
    }

    @PostMapping("/console/sign-in")
    @PublicEndpoint
    ModelAndView signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                        HttpServletRequest request, HttpServletResponse response) {
        return switch (sessions.signIn(request, username.strip(), password)) {
            case ConsoleSessions.Started started -> {
                sessions.end(SessionCookie.read(request));
                SessionCookie.write(request, response, started.token());
                yield new ModelAndView("redirect:/console");
            }
            case ConsoleSessions.Refused refused -> new ModelAndView("console/sign-in", HttpStatus.valueOf(refused.status()))
                    .addObject("version", Build.VERSION).addObject("username", username)
                    .addObject("error", switch (refused.status()) {
                        case 429 -> "Too many failed sign-ins; " + refused.message() + ".";
                        case 503 -> "The server is busy checking other sign-ins; try again in a second.";
                        default -> "The username or password is not right.";
                    });
        };
    }

    @PostMapping("/console/sign-out")
    @SignedIn
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(SessionCookie.read(request));
        SessionCookie.clear(request, response);
        return "redirect:/";
    }
}
