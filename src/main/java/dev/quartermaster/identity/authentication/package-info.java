/**
 * Authentication: credentials from a request (Bearer key or JWT, X-Api-Key, Basic), their
 * verification and caching, the throttle on failed sign-ins and the bound on password checks, the
 * security filter chain, the permission check before every handler,
 * and what the API description says about access.
 */
package dev.quartermaster.identity.authentication;
