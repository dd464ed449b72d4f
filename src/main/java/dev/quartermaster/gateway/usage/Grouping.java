package dev.quartermaster.gateway.usage;

/** What admin usage totals are grouped by: a column of {@code usage_daily}. */
public enum Grouping {
    DAY("day", "day"),
    MODEL("model", "spent desc, model"),
    USER("user_id", "spent desc, user_id"),
    PROVIDER("provider", "spent desc, provider");

    final String column;
    final String order;

    Grouping(String column, String order) {
        this.column = column;
        this.order = order;
    }
}
