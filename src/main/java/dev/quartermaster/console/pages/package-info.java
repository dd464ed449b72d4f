/**
 * The console's pages: thin handlers over the modules' public services, each with the access
 * declaration of the API operation it stands for, the navigation a caller's permissions allow,
 * and errors as pages.
 */
package dev.quartermaster.console.pages;
