package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import tools.jackson.databind.node.ObjectNode;

/** One call as metering sees it before it is made: who, which route and model, and the hub request. */
public record CallPlan(String requestId, Caller caller, Inbound inbound, CatalogModel model, ObjectNode chat,
                       boolean stream) {
}
