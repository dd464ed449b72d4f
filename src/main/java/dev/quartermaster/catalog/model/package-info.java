/** One model: its stored form and table, its fields and the rules they obey, and the starter catalog. */
package dev.quartermaster.catalog.model;
