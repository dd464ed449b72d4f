package dev.quartermaster.platform;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's error report valve. Runs after Spring
 * Boot's own customizer, which adds a plain {@link ErrorReportValve} to the host, and replaces it.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    static WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jsonContainerErrors(
            ObjectProvider<ErrorResponder> responder) {
        return new Customizer(responder);
    }

    private record Customizer(ObjectProvider<ErrorResponder> responder)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve(responder));
                if (host instanceof StandardHost standard) {
                    // so that the host, when it starts, finds its error valve present and adds no other
                    standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
