/** The section entries models link to (flags, pricing, modalities, …) and agents, with their admin rules. */
package dev.quartermaster.catalog.taxonomy;
