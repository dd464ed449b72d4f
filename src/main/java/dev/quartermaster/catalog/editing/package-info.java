/**
 * Writing models: create, update and delete item by item (each in its own transaction), publishing a
 * draft, duplicating, and the editor form that {@code get} answers.
 */
package dev.quartermaster.catalog.editing;
