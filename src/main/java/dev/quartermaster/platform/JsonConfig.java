package dev.quartermaster.platform;

import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON in is read strictly: a number is not a string, a string is not a boolean, one document per
 * body; a {@link CheckedBody} record is read by the {@link RecordBinder}. Decimals go out in plain
 * notation. Names follow the
 * surface's declaration ({@link SnakeCaseJson}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                .annotationIntrospector(new SurfaceNaming())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // an amount such as 0.000000125 USD is written as that, never as 1.25E-7
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** The validator is looked up on first use: the mapper is built before validation is configured. */
    @Bean
    JsonMapperBuilderCustomizer checkedBodies(ObjectProvider<Validator> validator) {
        SimpleModule module = new SimpleModule("checked-bodies");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                if (type == Checked.class) {
                    Class<?> body = bean.getType().containedType(0).getRawClass();
                    return new RecordBinder.Deferred(new RecordBinder(checkedBody(body), validator::getObject));
                }
                return type.isRecord() && type.isAnnotationPresent(CheckedBody.class)
                        ? new RecordBinder(type, validator::getObject) : deserializer;
            }
        });
        return builder -> builder.addModule(module);
    }

    private static Class<?> checkedBody(Class<?> type) {
        if (!type.isRecord() || !type.isAnnotationPresent(CheckedBody.class)) {
            throw new IllegalStateException("Checked<" + type.getName() + ">: only a @CheckedBody record can be checked");
        }
        return type;
    }

    /** Snake case where a surface declares it; everything else as Jackson's own annotations say. */
    static final class SurfaceNaming extends JacksonAnnotationIntrospector {

        @Override
        public Object findNamingStrategy(MapperConfig<?> config, AnnotatedClass type) {
            Object declared = super.findNamingStrategy(config, type);
            if (declared == null && SurfaceNames.snakeCase(type.getRawType())) {
                return PropertyNamingStrategies.SNAKE_CASE;
            }
            return declared;
        }
    }
}
