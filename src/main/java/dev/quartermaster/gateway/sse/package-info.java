/** Server-sent events on the wire: reading an upstream's stream byte by byte, writing a client's event by event. */
package dev.quartermaster.gateway.sse;
