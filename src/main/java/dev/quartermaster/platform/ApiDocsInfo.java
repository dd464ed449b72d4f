package dev.quartermaster.platform;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description's title, version and introduction, instead of springdoc's placeholders. */
@Configuration(proxyBeanMethods = false)
class ApiDocsInfo {

    // springdoc describes schemas with swagger-core's own (Jackson 2) mappers; they must name fields
    // as the wire does. A Checked<CreateUser> body is described as the CreateUser it carries.
    static {
        for (ObjectMapper mapper : List.of(Json.mapper(), Json31.mapper())) {
            mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new DocsNaming(),
                    mapper.getSerializationConfig().getAnnotationIntrospector()));
        }
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(Checked.class);
    }

    @Bean
    OpenApiCustomizer serviceInfo() {
        return api -> api.info(new Info().title("Quartermaster").version(Build.VERSION).description("""
                A self-hosted control plane for the AI models a product uses: provider profiles and their \
                sealed keys, the model catalog, users with tiers, preferences, budgets and their own provider \
                keys, and integration connections. Every operation accepts every credential: \
                `Authorization: Bearer <API key or JWT>`, `X-Api-Key: <API key>` or HTTP Basic; each \
                operation's `x-permission` names what the caller must hold (`signed-in`: any user, for \
                themselves). Errors are RFC 9457 problem details unless a surface documents its own shape."""));
    }

    /** {@link SnakeCaseJson} for the API description, as {@code JsonConfig} applies it to the wire. */
    static final class DocsNaming extends NopAnnotationIntrospector {

        @Override
        public Object findNamingStrategy(AnnotatedClass type) {
            return SurfaceNames.snakeCase(type.getRawType()) ? PropertyNamingStrategies.SNAKE_CASE : null;
        }
    }
}
