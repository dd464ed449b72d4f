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
 * tier's limits needs users.update and, as in the API, managing every user of the tier. Tiers are
 * created (users.create), have their rank, description and managed keys edited (users.update) and
 * are deleted after a confirmation (users.delete) as the tier API does; a name never changes.
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

    /** A tier's own fields as typed: the name only when it is created. */
    record Details(String name, String rank, String description, Boolean managedKeys) {

        /** An unticked checkbox is not sent at all. */
        public boolean managed() {
            return Boolean.TRUE.equals(managedKeys);
        }

        static Details of(Tier tier) {
            return new Details(tier.name(), Integer.toString(tier.rank()), tier.description(), tier.managedKeys());
        }
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_READ)
    ModelAndView list() {
        return list(new Details("", "", "", false), null);
    }

    @PostMapping
    @RequiresPermission(Permissions.USERS_CREATE)
    ModelAndView create(Caller caller, Details details) {
        try {
            identity.createTier(details.name(), details.rank(), details.description(), details.managed(), caller);
            return new ModelAndView("redirect:/console/tiers");
        } catch (ApiException e) {
            return list(details, e);
        }
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView edit(@PathVariable String name) {
        Row row = row(name);
        return form(row, Fields.of(row), Details.of(row.tier()), null);
    }

    @PostMapping("/{name}/details")
    @RequiresPermission(Permissions.USERS_UPDATE)
    ModelAndView updateDetails(Caller caller, @PathVariable String name, Details details) {
        try {
            identity.updateTier(name, details.rank(), details.description(), details.managed(), caller);
            return new ModelAndView("redirect:/console/tiers");
        } catch (ApiException e) {
            Row row = row(name);
            return form(row, Fields.of(row), details, e);
        }
    }

    @GetMapping("/{name}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    ModelAndView confirmDelete(@PathVariable String name) {
        Tier tier = identity.tier(name);
        return Confirm.page("Delete tier " + tier.name() + "?", "Its budget and rate limits go with it. A tier that "
                + "users still have cannot be deleted: move them to another first.",
                "/console/tiers/" + tier.name() + "/delete", "/console/tiers");
    }

    @PostMapping("/{name}/delete")
    @RequiresPermission(Permissions.USERS_DELETE)
    String delete(Caller caller, @PathVariable String name) {
        identity.deleteTier(name, caller);
        return "redirect:/console/tiers";
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
            Row row = row(name);
            return form(row, fields, Details.of(row.tier()), e);
        }
    }

    private ModelAndView list(Details details, ApiException error) {
        Map<String, BudgetAdmin.Limits> limits = budgets.tiers();
        List<Row> rows = identity.tiers().stream().map(t -> new Row(t, limits.get(t.name()),
                identity.rateLimits(t.name()))).toList();
        return new ModelAndView("console/tiers", status(error)).addObject("rows", rows).addObject("details", details)
                .addObject("problem", error == null ? null : error.problem());
    }

    private static ModelAndView form(Row row, Fields fields, Details details, ApiException error) {
        return new ModelAndView("console/tier-form", status(error)).addObject("row", row).addObject("fields", fields)
                .addObject("details", details).addObject("problem", error == null ? null : error.problem());
    }

    private static HttpStatus status(ApiException error) {
        return error == null ? HttpStatus.OK : HttpStatus.valueOf(error.problem().status());
    }

    private Row row(String name) {
        Tier tier = identity.tier(name);
        return new Row(tier, budgets.tiers().get(tier.name()), identity.rateLimits(tier.name()));
    }
}
