/** Provider profiles: their values and rules, the store, the service that changes them, and test calls. */
package dev.quartermaster.providers.profile;
