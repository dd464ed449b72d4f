package dev.quartermaster.providers.profile;

import dev.quartermaster.egress.Egress;
import dev.quartermaster.egress.EgressException;
import dev.quartermaster.platform.FieldError;
import dev.quartermaster.platform.Text;
import dev.quartermaster.providers.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The validation rules of a profile, as the AI-settings seed lists them, shared by both surfaces;
 * each surface names the fields its own way.
 */
@Component
public class ProfileRules {

    public enum Field { PROVIDER, MODEL, TOKEN, BASE_URL, NAME, DESCRIPTION, META, SYSTEM_PROMPT }

    /** The limits of seed 001, also shown in the API description of both surfaces. */
    public static final int MODEL = 255;
    public static final int TOKEN = 255;
    public static final int BASE_URL = 500;
    public static final int NAME = 255;
    public static final int DESCRIPTION = 4012;
    public static final int SYSTEM_PROMPT = 20_000;
    static final String NAME_RULE = "Name must be 1-" + NAME + " characters";

    /** A profile as it would be after a write; {@code hasKey} says whether it would have a key. */
    public record Candidate(String provider, String model, boolean hasKey, String newKey, String baseUrl, String name,
                            String description, JsonNode meta, String systemPrompt) {

        @Override
        public String toString() {
            return "Candidate[" + provider + ", " + model + ", " + baseUrl + "]";
        }
    }

    private final Egress egress;

    ProfileRules(Egress egress) {
        this.egress = egress;
    }

    public List<FieldError> check(Candidate c, Function<Field, String> names) {
        List<FieldError> errors = new ArrayList<>();
        ProviderType type = ProviderType.parse(c.provider()).orElse(null);
        if (c.provider() == null || c.provider().isBlank()) {
            errors.add(new FieldError(names.apply(Field.PROVIDER), "Provider is required"));
        } else if (type == null) {
            errors.add(new FieldError(names.apply(Field.PROVIDER), label(Field.PROVIDER) + " " + Text.oneOf(ProviderType.class)));
        }
        if (c.model() == null || c.model().isBlank()) {
            errors.add(new FieldError(names.apply(Field.MODEL), "Model is required"));
        } else if (c.model().length() > MODEL) {
            errors.add(new FieldError(names.apply(Field.MODEL), "Model must be 1-" + MODEL + " characters"));
        }
        if (!c.hasKey() && (type == null || type.needsKey())) {
            errors.add(new FieldError(names.apply(Field.TOKEN), "API Token is required for all providers except ollama"));
        } else if (c.newKey() != null && c.newKey().length() > TOKEN) {
            errors.add(new FieldError(names.apply(Field.TOKEN), "API Token " + Text.atMost(TOKEN)));
        }
        checkBaseUrl(c.baseUrl(), type, names.apply(Field.BASE_URL), errors);
        limit(c.name(), 1, NAME, Field.NAME, names, errors);
        limit(c.description(), 0, DESCRIPTION, Field.DESCRIPTION, names, errors);
        limit(c.systemPrompt(), 0, SYSTEM_PROMPT, Field.SYSTEM_PROMPT, names, errors);
        checkMeta(c.meta(), names.apply(Field.META), errors);
        return errors;
    }

    /** The values of a candidate that passed {@link #check}. */
    public static ProfileValues values(Candidate c) {
        return new ProfileValues(ProviderType.fromWire(c.provider()), c.model(), blankToNull(c.baseUrl()), c.name(),
                c.description(), meta(c.meta()), c.systemPrompt());
    }

    private void checkBaseUrl(String url, ProviderType type, String field, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            if (type == ProviderType.OLLAMA || type == ProviderType.OPENAI_LIKE) {
                errors.add(new FieldError(field, "Base URL is required for ollama and openai_like providers"));
            }
            return;
        }
        if (url.length() > BASE_URL) {
            errors.add(new FieldError(field, "Base URL " + Text.atMost(BASE_URL)));
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null && uri.getRawAuthority() == null) {
                throw new URISyntaxException(url, "no host");
            }
            egress.checkAllowed(uri);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "Base URL must be a valid URL"));
        } catch (EgressException e) {
            errors.add(new FieldError(field, e.kind() == EgressException.Kind.REFUSED
                    ? "Base URL is not allowed: " + e.getMessage() : "Base URL must be a valid URL: " + e.getMessage()));
        }
    }

    private static void limit(String value, int min, int max, Field field, Function<Field, String> names,
                              List<FieldError> errors) {
        if (value != null && (value.length() < min || value.length() > max)) {
            errors.add(new FieldError(names.apply(field), label(field) + " "
                    + (min > 0 ? Text.between(min, max) : Text.atMost(max))));
        }
    }

    /** How the seed's messages name a field, whatever the surface calls it. */
    static String label(Field field) {
        return switch (field) {
            case PROVIDER -> "Provider";
            case MODEL -> "Model";
            case TOKEN -> "API Token";
            case BASE_URL -> "Base URL";
            case NAME -> "Name";
            case DESCRIPTION -> "Description";
            case META -> "Meta";
            case SYSTEM_PROMPT -> "Default system prompt";
        };
    }

    private static void checkMeta(JsonNode meta, String field, List<FieldError> errors) {
        if (meta == null || meta.isNull()) {
            return;
        }
        if (!meta.isObject()) {
            errors.add(new FieldError(field, "Meta must be an object of key-value pairs"));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : meta.properties()) {
            if (entry.getValue().isContainer()) {
                errors.add(new FieldError(field, "Meta value '" + entry.getKey()
                        + "' must be scalar (string, integer, float, boolean or null)"));
            }
        }
    }

    private static Map<String, Object> meta(JsonNode meta) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (meta != null && meta.isObject()) {
            meta.properties().forEach(e -> values.put(e.getKey(), scalar(e.getValue())));
        }
        return values;
    }

    private static Object scalar(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
