package dev.quartermaster.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a {@link QuartermasterTest} a ready client for its running server: declare a {@link TestApi}
 * parameter on a test, {@code @BeforeEach} or {@code @BeforeAll} method. The client has no
 * credentials; {@code asAdmin()} or {@code withKey(…)} add them.
 */
public final class ServerApi implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestApi.class;
    }

    @Override
    public TestApi resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Integer port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        return TestApi.at(port);
    }
}
