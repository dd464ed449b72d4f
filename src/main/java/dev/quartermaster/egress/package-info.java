/** The one outbound HTTP client: timeouts, no redirects, the address policy that refuses metadata and link-local hosts. */
package dev.quartermaster.egress;
