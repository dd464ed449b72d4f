/**
 * The web console, a surface over the same services as the API: the server's root ({@code /}, the
 * sign-in form for a browser, JSON for an API client); {@code session/} its security chain
 * (session cookie, CSRF, sign-in and sign-out); {@code pages/} the pages, each handler with the
 * same access declaration as the API operation it stands for.
 */
package dev.quartermaster.console;
