package dev.quartermaster.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quartermaster.support.TestUsers.TestUser;

/**
 * A model served through the gateway: an upstream fake of its own, a provider profile of the given
 * type pointing at it with a managed key, a catalog model routed to that profile, and a user of a
 * tier that may use managed keys. Close it to stop the fake.
 */
public final class GatewayFixture implements AutoCloseable {

    /** The model's price in USD per million tokens: a token in costs 2,000 nano-USD, a token out 8,000. */
    public static final String INPUT_PRICE = "2.00";
    public static final String OUTPUT_PRICE = "8.00";

    public final FakeServer upstream = new FakeServer();
    public final String model;
    public final String profileId;
    public final String modelId;
    public final String managedKey;
    public final String pricingId;
    public final TestUser user;

    private GatewayFixture(TestApi api, String provider, String basePath, String tier, String capabilities) {
        this.model = Names.unique("gw-model");
        this.managedKey = "sk-managed-" + Names.unique("key");
        TestResponse profile = api.asAdmin().post("/api/v1/system/ai/providers", """
                {"name": "%s", "provider": "%s", "apiBaseUrl": "%s", "apiKey": "%s", "modelName": "%s"}
                """.formatted(Names.unique("gw"), provider, upstream.url() + basePath, managedKey, model));
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        this.profileId = profile.json().get("data").get("id").stringValue();
        TestResponse pricing = api.asAdmin().post("/api/v1/system/catalog/pricing", """
                {"name": "%s", "inputPricePerMillion": %s, "outputPricePerMillion": %s, "currency": "USD"}
                """.formatted(Names.unique("price"), INPUT_PRICE, OUTPUT_PRICE));
        assertThat(pricing.status()).as(pricing.body()).isEqualTo(201);
        this.pricingId = pricing.json().get("data").get("id").stringValue();
        TestResponse created = api.asAdmin().post("/api/v5/artifacts/models/create", """
                {"models": [{"name": "%s", "value": "%s", "tier": "%s", "active": true, "capabilities": %s,
                             "context_window": 128000, "provider_ids": ["%s"], "pricing_ids": ["%s"]}]}
                """.formatted(model.toUpperCase(), model, tier, capabilities, profileId, pricingId));
        assertThat(created.json().get("results").get(0).get("success").booleanValue()).as(created.body()).isTrue();
        this.modelId = created.json().get("results").get(0).get("model_id").stringValue();
        this.user = TestUsers.create(api, "pro");
    }

    /** An OpenAI-compatible upstream at {@code {fake}/v1}. */
    public static GatewayFixture openAiCompatible(TestApi api) {
        return new GatewayFixture(api, "openai_like", "/v1", "free", "[\"chat\", \"tools\"]");
    }

    public static GatewayFixture of(TestApi api, String provider, String basePath, String tier, String capabilities) {
        return new GatewayFixture(api, provider, basePath, tier, capabilities);
    }

    public TestApi as(TestApi api) {
        return api.withKey(user.key());
    }

    @Override
    public void close() {
        upstream.close();
    }
}
