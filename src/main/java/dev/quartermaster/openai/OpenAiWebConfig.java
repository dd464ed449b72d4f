package dev.quartermaster.openai;

import dev.quartermaster.identity.RequestAuthenticator;
import dev.quartermaster.platform.ErrorShape;
import dev.quartermaster.platform.OpenAiErrors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class OpenAiWebConfig {

    /** Errors on this surface in OpenAI's shape. */
    @Bean
    static ErrorShape openAiModelErrors() {
        return OpenAiErrors.shapeFor(ModelListFilter.PATH);
    }

    /** After the request timer and the body limit, before the security filter chain. */
    @Bean
    FilterRegistrationBean<ModelListFilter> modelListFilter(RequestAuthenticator authenticator, ModelListCache lists) {
        FilterRegistrationBean<ModelListFilter> registration =
                new FilterRegistrationBean<>(new ModelListFilter(authenticator, lists));
        registration.addUrlPatterns(ModelListFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
