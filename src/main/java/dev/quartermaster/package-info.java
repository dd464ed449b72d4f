/** Quartermaster: a self-hosted control plane for the AI models a product uses. See ARCHITECTURE.md. */
package dev.quartermaster;
