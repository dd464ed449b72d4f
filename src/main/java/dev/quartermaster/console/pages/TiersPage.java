package dev.quartermaster.console.pages;

import dev.quartermaster.accounts.BudgetAdmin;
import dev.quartermaster.identity.Caller;
import dev.quartermaster.identity.IdentityAdmin;
import dev.quartermaster.identity.Permissions;
import dev.quartermaster.identity.RequiresPermission;
import dev.quartermaster.identity.Tier;
import dev.quartermaster.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Tiers with their budget limits and rate limits (each applied per user of the tier); editing a
 * tier's limits needs users.update and, as in the API, managing every user of the tier.
 */
@Controller
@Hidden
@RequestMapping("/console/tiers")
class TiersPage {

    /** A tier's row: the tier, its budget, its rate limits. */
    record Row(Tier tier, BudgetAdmin.Limits budget, IdentityAdmin.RateLimits rateLimits) {
    }

    /** The edit form as typed. */
    record Fields(String dailyLimit, String monthlyLimit, String requestsPerMinute, String tokensPerMinute,
                  String concurrentStreams) {

        static Fields of(Row row) {
            return new Fields(text(row.budget().dailyLimit()), text(row.budget().monthlyLimit()),
                    text(row.rateLimits().requestsPerMinute()), text(row.rateLimits().tokensPerMinute()),
                    text(row.rateLimits().concurrentStreams()));
        }

        private static String text(Object value) {
            return value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        }
    }

    private final IdentityAdmin identity;
    private final BudgetAdmin budgets;

    TiersPage(IdentityAdmin identity, BudgetAdmin budgets) {
        this.identity = identity;
        this.budgets = budgets;
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView list() {
        Map<String, BudgetAdmin.Limits> limits = budgets.tiers();
        List<Row> rows = identity.tiers().stream().map(t -> new Row(t, limits.get(t.name()),
                identity.rateLimits(t.name()))).toList();
        return new ModelAndView("console/tiers").addObject("rows", rows);
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView edit(@PathVariable String name) {
        Row row = row(name);
        return new ModelAndView("console/tier-form").addObject("row", row).addObject("fields", Fields.of(row));
    }

    /** Budget and rate limits together; the budget is written first, each in its own transaction, as the API does. */
    @PostMapping("/{name}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView update(Caller caller, @PathVariable String name, @RequestParam(defaultValue = "") String dailyLimit,
                        @RequestParam(defaultValue = "") String monthlyLimit,
                        @RequestParam(defaultValue = "") String requestsPerMinute,
                        @RequestParam(defaultValue = "") String tokensPerMinute,
                        @RequestParam(defaultValue = "") String concurrentStreams) {
        Fields fields = new Fields(dailyLimit, monthlyLimit, requestsPerMinute, tokensPerMinute, concurrentStreams);
        try {
            budgets.setTier(name, monthlyLimit, dailyLimit, caller);
            identity.setRateLimits(name, requestsPerMinute, tokensPerMinute, concurrentStreams, caller);
            return new ModelAndView("redirect:/console/tiers");
        } catch (ApiException e) {
            return new ModelAndView("console/tier-form", HttpStatus.valueOf(e.problem().status()))
                    .addObject("row", row(name)).addObject("fields", fields).addObject("problem", e.problem());
        }
    }

    private Row row(String name) {
        Tier tier = identity.tier(name);
        return new Row(tier, budgets.tiers().get(tier.name()), identity.rateLimits(tier.name()));
    }
}
