package dev.quartermaster.console.pages;

import dev.quartermaster.accounts.MyAccount;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.SignedIn;
import dev.quartermaster.integrations.ConnectionRequests;
import dev.quartermaster.integrations.Connections;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.providers.ProviderType;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * My account, for every signed-in user, as seed 000 is: the models their tier sees, the preferred
 * model, their own provider keys (add, optionally proven by one real request; delete), their
 * budget with what was spent, and the integration connections they may use with their default one
 * per integration (seed 003). A refused change shows the page again with the reason.
 */
@Controller
@Hidden
@SignedIn
@RequestMapping("/console/account")
class AccountPage {

    private final MyAccount account;
    private final Connections connections;

    AccountPage(MyAccount account, Connections connections) {
        this.account = account;
        this.connections = connections;
    }

    @GetMapping
    ModelAndView show(Caller caller) {
        return page(caller, null, HttpStatus.OK);
    }

    @PostMapping("/preferred-model")
    ModelAndView preferredModel(Caller caller, @RequestParam(defaultValue = "") String model) {
        return change(caller, () -> account.setPreferredModel(caller, model));
    }

    @PostMapping("/keys")
    ModelAndView addKey(Caller caller, @RequestParam(defaultValue = "") String provider,
                        @RequestParam(defaultValue = "") String apiKey, @RequestParam(defaultValue = "false") boolean validate) {
        return change(caller, () -> account.storeKey(caller, provider, apiKey, validate));
    }

    @PostMapping("/keys/{provider}/delete")
    ModelAndView deleteKey(Caller caller, @PathVariable String provider) {
        return change(caller, () -> account.deleteKey(caller, provider));
    }

    /** Makes a connection the caller's default for its integration, as {@code POST /v1/integrations/connections/{integration}/default} does. */
    @PostMapping("/integrations/{integration}/default")
    ModelAndView preferConnection(Caller caller, @PathVariable String integration,
                                  @RequestParam(name = "connection_id", defaultValue = "") String connectionId) {
        return change(caller, () -> connections.prefer(integration, new ConnectionRequests.Prefer(connectionId), caller));
    }

    private ModelAndView change(Caller caller, Runnable action) {
        try {
            action.run();
            return new ModelAndView("redirect:/console/account");
        } catch (ApiException e) {
            return page(caller, e, HttpStatus.valueOf(e.problem().status()));
        }
    }

    private ModelAndView page(Caller caller, ApiException error, HttpStatus status) {
        return new ModelAndView("console/account", status)
                .addObject("permissions", caller.permissions().stream().sorted().toList())
                .addObject("models", account.models(caller))
                .addObject("preferred", account.preferredModel(caller).orElse(null))
                .addObject("keys", account.keys(caller))
                .addObject("budget", account.budget(caller))
                .addObject("connections", connections.visibleTo(caller))
                .addObject("types", Arrays.stream(ProviderType.values()).map(ProviderType::wireName).toList())
                .addObject("problem", error == null ? null : error.problem());
    }
}
