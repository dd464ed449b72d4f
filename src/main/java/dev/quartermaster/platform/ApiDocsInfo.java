package dev.quartermaster.platform;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description's title, version and introduction, instead of springdoc's placeholders. */
@Configuration(proxyBeanMethods = false)
class ApiDocsInfo {

    /** A {@code Checked<CreateUser>} body is described as the CreateUser it carries. */
    static {
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
}
