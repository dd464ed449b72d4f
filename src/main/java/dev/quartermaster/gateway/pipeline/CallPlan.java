package dev.quartermaster.gateway.pipeline;

import dev.quartermaster.catalog.CatalogModel;
import dev.quartermaster.identity.Caller;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call as metering sees it before it is made: who (and with which API key, null for a password
 * or a JWT), which route and model, the hub request, and who pays first.
 */
public record CallPlan(String requestId, Caller caller, UUID apiKeyId, Inbound inbound, CatalogModel model,
                       ObjectNode chat, boolean stream, Payer payer) {

    /**
     * The first target's provider, profile and key source; {@code managed}: a managed key may pay for
     * some attempt, so the admins' limits bind the call.
     */
    public record Payer(String provider, UUID profileId, String keySource, boolean managed) {
    }

    /**
     * This plan without its request body, for what outlives the call: a settlement waits in the
     * writer's queue (seconds, under load) and needs only who, which model and who paid.
     */
    public CallPlan withoutBody() {
        return new CallPlan(requestId, caller, apiKeyId, inbound, model, null, stream, payer);
    }
}
