/** {@code docs}: the model artifact described from the running server's OpenAPI document. */
package dev.quartermaster.catalog.docs;
