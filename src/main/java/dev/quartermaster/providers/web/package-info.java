/** HTTP adapters: provider profiles (seed 002, camelCase) and AI settings (seed 001, its own error shape). */
package dev.quartermaster.providers.web;
