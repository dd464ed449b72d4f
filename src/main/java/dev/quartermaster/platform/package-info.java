/**
 * What every module shares and nothing of ours below it: problem details and the error shape per
 * surface, JSON, change notification between processes, in-memory snapshots and caches, rate
 * limiting, request body parsing for partial updates, CSV writing, and the API description's introduction.
 */
package dev.quartermaster.platform;
