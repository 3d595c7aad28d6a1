package dev.hostkit.docker;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link PrivateDocker}: started on first use, shared by every test
 * class, and stopped by JUnit when the whole run ends (root-store resources are closed last).
 * It is started before each test rather than while its parameter is resolved: JUnit turns
 * whatever a parameter resolver throws into an error, so a missing docker would fail the test
 * instead of aborting it (on a developer's machine; under CI=true it fails anyway). For the
 * same reason no {@code @BeforeAll} method takes a PrivateDocker.
 */
final class PrivateDockerExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrivateDockerExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        daemon(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivateDocker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return daemon(context);
    }

    private static PrivateDocker daemon(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("dockerd", key -> PrivateDocker.start(), PrivateDocker.class);
    }
}
