/**
 * The model catalog: models with their tiers, capabilities and section entries, edited through
 * versioned drafts, searched, exported. Its public API is this package: {@link dev.quartermaster.catalog.Catalog}
 * (every model, from memory), {@link dev.quartermaster.catalog.CatalogModel}, and the records of the v5
 * artifact operations (requests, responses, the editor form, docs, search results).
 */
@SnakeCaseJson
package dev.quartermaster.catalog;

import dev.quartermaster.platform.SnakeCaseJson;
