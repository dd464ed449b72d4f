/**
 * The vault: secrets sealed with AES-256-GCM under the master key, each bound to its row and field;
 * the master key and its rotation. Its public API is {@link dev.quartermaster.secrets.Vault} and
 * {@link dev.quartermaster.secrets.SecretOwner}.
 */
package dev.quartermaster.secrets;
