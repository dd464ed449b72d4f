package dev.quartermaster.console.pages;

import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** My account, for every signed-in user: who they are, their tier and permissions. */
@Controller
@Hidden
@RequestMapping("/console/account")
class AccountPage {

    @GetMapping
    @SignedIn
    ModelAndView account(Caller caller) {
        return new ModelAndView("console/account")
                .addObject("permissions", caller.permissions().stream().sorted().toList());
    }
}
