/** HTTP adapters of the user AI surface (seed 000, snake_case) and of budget administration (system API, camelCase). */
package dev.quartermaster.accounts.web;
