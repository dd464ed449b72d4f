package dev.quartermaster.console.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files' mapping ({@code /console/assets/**}, {@code /webjars/**}) is asked before the
 * controllers', so that {@link UnknownPage}'s {@code /console/**} does not hide the console's assets.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesFirst implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(Ordered.HIGHEST_PRECEDENCE);
    }
}
