package dev.quartermaster.integrations.web;

import dev.quartermaster.platform.ErrorShape;
import dev.quartermaster.platform.OpenAiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntegrationsWebConfig {

    /** Seed 003's surface speaks the OpenAI dialect, errors included. */
    @Bean
    static ErrorShape integrationErrors() {
        return OpenAiErrors.shapeFor(ConnectionController.PATH);
    }
}
