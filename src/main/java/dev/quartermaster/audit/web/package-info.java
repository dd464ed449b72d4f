/** The audit log's read API for admins ({@code audit.read}). */
package dev.quartermaster.audit.web;
