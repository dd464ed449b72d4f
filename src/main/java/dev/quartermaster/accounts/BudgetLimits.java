package dev.quartermaster.accounts;

import dev.quartermaster.platform.Topic;

/** The budget limits' change topic: published whenever a tier's, a user's or a personal limit changes. */
public final class BudgetLimits {

    public static final Topic TOPIC = new Topic("budgets");

    private BudgetLimits() {
    }
}
