package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.Access;
import dev.quartermaster.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API description says about access: the credentials every operation accepts (so Swagger
 * UI's Authorize can call them) and each operation's declared permission as {@code x-permission},
 * read from the same {@link Access} declaration that {@link PermissionCheck} enforces. The
 * authenticated {@link Caller} argument is not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsAccess {

    static final String EXTENSION = "x-permission";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OperationCustomizer declaredPermission() {
        return (operation, handler) -> {
            Access.of(handler).ifPresent(access -> {
                operation.addExtension(EXTENSION, access.label());
                if (access instanceof Access.Anyone) {
                    operation.setSecurity(java.util.List.of());
                }
                String who = switch (access) {
                    case Access.Permission(String name, var alternatives) -> "Needs the permission `" + name + "`"
                            + alternatives.stream().map(a -> " or `" + a + "`").collect(Collectors.joining()) + ".";
                    case Access.AnySignedIn ignored -> "Any signed-in user may call this, for themselves.";
                    case Access.Anyone ignored -> "Anyone may call this, without credentials.";
                };
                operation.setDescription(operation.getDescription() == null ? who
                        : operation.getDescription() + "\n\n" + who);
            });
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer credentialSchemes() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components
                    .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API key (qm_…) or, when configured, a JWT whose sub is the username"))
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("An API key (qm_…)"))
                    .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("A username and password")));
            api.addSecurityItem(new SecurityRequirement().addList("bearer"))
                    .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                    .addSecurityItem(new SecurityRequirement().addList("basic"));
        };
    }
}
