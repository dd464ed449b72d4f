package dev.quartermaster.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link CheckedBody} record. Jackson stops at the first value it cannot convert, so each
 * field is converted on its own; a field that converts is then checked against its constraints.
 * Each failing field reports one reason: its type error, else its first broken constraint in
 * declaration order. A handler that takes the record gets a 400 for any error; one that takes
 * {@link Checked} of it passes the errors on to the service that adds its own.
 */
final class RecordBinder extends ValueDeserializer<Object> {

    private final Class<?> type;
    private final boolean closed;
    private final RecordComponent[] components;
    private final List<String> names;
    private final Supplier<Validator> validator;

    RecordBinder(Class<?> type, Supplier<Validator> validator) {
        this.type = type;
        this.closed = type.getAnnotation(CheckedBody.class).closed();
        this.components = type.getRecordComponents();
        this.names = Arrays.stream(components).map(RecordBinder::jsonName).toList();
        this.validator = validator;
        Arrays.stream(components).filter(c -> c.getType().isPrimitive()).findAny().ifPresent(c -> {
            throw new IllegalStateException(type.getName() + "." + c.getName() + " must be boxed: it may be absent");
        });
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws JacksonException {
        return bind(parser, ctxt).valid();
    }

    /** The body read whole: a record and every error of its fields, thrown only if no record can be built. */
    Checked<Object> bind(JsonParser parser, DeserializationContext ctxt) {
        JsonNode body = ctxt.readTree(parser);
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(body.get(names.get(i)), i, ctxt, errors);
        }
        if (closed) {
            body.propertyNames().stream().filter(field -> !names.contains(field)).forEach(field -> errors.add(
                    new FieldError(field, "is not a field of this request; expected " + names.stream().sorted().toList())));
        }
        return new Checked<>(construct(values, errors), errors);
    }

    /** Reads {@code Checked<R>} for a {@link CheckedBody} record R: the errors go on to the service. */
    static final class Deferred extends ValueDeserializer<Object> {

        private final RecordBinder binder;

        Deferred(RecordBinder binder) {
            this.binder = binder;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws JacksonException {
            return binder.bind(parser, ctxt);
        }
    }

    /** The converted value, or null with the field's one error added. */
    private Object read(JsonNode node, int index, DeserializationContext ctxt, List<FieldError> errors) {
        RecordComponent component = components[index];
        Object value = null;
        if (node != null && !node.isNull()) {
            try {
                value = ctxt.readTreeAsValue(node, ctxt.getTypeFactory().constructType(component.getGenericType()));
            } catch (JacksonException e) {
                errors.add(typeError(names.get(index), component.getType(), e));
                return null;
            }
        }
        firstViolation(component, value).ifPresent(errors::add);
        return value;
    }

    private static FieldError typeError(String name, Class<?> target, JacksonException e) {
        if (target.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> closedSet = (Class<? extends Enum<?>>) target;
            return new FieldError(name, Text.oneOf(closedSet));
        }
        FieldError described = JsonErrors.describe(e);
        String inner = JsonErrors.path(e);
        String field = inner.isEmpty() ? name : inner.startsWith("[") ? name + inner : name + "." + inner;
        return new FieldError(field, described.message());
    }

    private java.util.Optional<FieldError> firstViolation(RecordComponent component, Object value) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<?>> violations = (Set) validator.get().validateValue(type, component.getName(), value);
        List<Class<? extends Annotation>> order = declaredOrder(component);
        return violations.stream()
                .min(Comparator.comparingInt(v -> order.indexOf(v.getConstraintDescriptor().getAnnotation().annotationType())))
                .map(v -> new FieldError(fieldOf(v.getPropertyPath(), jsonName(component)), v.getMessage()));
    }

    private List<Class<? extends Annotation>> declaredOrder(RecordComponent component) {
        try {
            return Arrays.stream(type.getDeclaredField(component.getName()).getDeclaredAnnotations())
                    .<Class<? extends Annotation>>map(Annotation::annotationType).toList();
        } catch (NoSuchFieldException e) {
            return List.of();
        }
    }

    /** {@code permissions[1]} for a constraint on an element, else the field's JSON name. */
    private static String fieldOf(Path path, String name) {
        StringBuilder field = new StringBuilder(name);
        path.forEach(node -> {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        });
        return field.toString();
    }

    /** The record; with field errors, a record that cannot be built (an invariant, a null) ends the reading. */
    private Object construct(Object[] values, List<FieldError> errors) {
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            if (e.getCause() instanceof IllegalArgumentException invariant) {
                throw ApiException.invalid("body", invariant.getMessage());
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property == null || property.value().isEmpty()
                ? SurfaceNames.wireName(component.getDeclaringRecord(), component.getName()) : property.value();
    }
}
