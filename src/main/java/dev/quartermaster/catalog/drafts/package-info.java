/** Drafts: a user's versioned edit of a new or existing model, refused with 409 when stale. */
package dev.quartermaster.catalog.drafts;
