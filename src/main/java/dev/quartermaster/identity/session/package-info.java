/**
 * Console sign-in sessions in PostgreSQL: rows keyed by the hash of the cookie's token, with the
 * idle and absolute timeouts applied in SQL so that every server process agrees.
 */
package dev.quartermaster.identity.session;
