/**
 * Search: the {@code catalog_search} projection, the in-memory index each process searches with its
 * facet counts, and {@code refresh}, which rebuilds the projection and drops the catalog caches.
 */
package dev.quartermaster.catalog.search;
