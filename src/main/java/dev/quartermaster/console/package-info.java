/**
 * What a person reaches in a browser: for now the server's home page at {@code /}; the web console
 * (sign-in, pages over the feature services) grows here.
 */
package dev.quartermaster.console;
