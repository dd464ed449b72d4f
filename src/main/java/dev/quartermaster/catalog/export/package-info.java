/** Exports: the catalog as RFC 4180 CSV, streamed into PostgreSQL chunks and downloaded from any process. */
package dev.quartermaster.catalog.export;
