/**
 * Who is calling: users, groups, ordered plan tiers, API keys and their verification, permissions.
 * Its public API is this package: {@link dev.quartermaster.identity.Caller}, the permission names and
 * the declarations every handler makes ({@link dev.quartermaster.identity.RequiresPermission},
 * {@link dev.quartermaster.identity.SignedIn}, read through {@link dev.quartermaster.identity.Access}),
 * tiers, the directory of users and the request authenticator.
 */
package dev.quartermaster.identity;
