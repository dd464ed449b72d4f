/**
 * The audit log: who changed what, and when. Its public API is {@link dev.quartermaster.audit.AuditLog}
 * (append, read), which the modules call in the transaction of the change.
 */
package dev.quartermaster.audit;
