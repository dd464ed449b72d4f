/** HTTP adapters of the system API for users, groups, tiers and {@code /me} (camelCase, {@code {"data": …}}). */
package dev.quartermaster.identity.web;
