/** The database: the embedded PostgreSQL or the configured server, its settings and start-up checks. */
package dev.quartermaster.platform.database;
