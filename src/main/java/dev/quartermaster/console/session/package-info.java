/**
 * The console's own security chain: the session cookie (the only place a cookie authenticates,
 * never the API), CSRF on every state change, sign-in and sign-out, and the answers for a page
 * that needs a session or a form that lacks its token.
 */
package dev.quartermaster.console.session;
