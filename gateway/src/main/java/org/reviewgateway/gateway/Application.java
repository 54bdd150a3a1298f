package org.reviewgateway.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

@OpenAPIDefinition(
        info = @Info(
                title = "review-invitation gateway",
                version = "1",
                description = "Anonymous orders in, review links and invitation e-mails out. Every error is an RFC 9457 problem."),
        servers = @Server(url = "http://localhost:8080", description = "the embedded default; in production GATEWAY_PUBLIC_BASE_URL"),
        security = @SecurityRequirement(name = "merchantKey"))
@SecurityScheme(name = "merchantKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The merchant's API key, rig_<prefix>_<secret>")
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "GATEWAY_ADMIN_TOKEN; without it the admin API answers 403")
public class Application extends Micronaut {

    /** Set only by the build's training start (gateway/pom.xml), which exits once started so the JVM archives what it loaded. */
    static final String CLASS_DATA_SHARING_TRAINING = "gateway.class-data-sharing-training";

    public static void main(String[] args) {
        ApplicationContext context = new Application().mainClass(Application.class).args(args).start();
        if (Boolean.getBoolean(CLASS_DATA_SHARING_TRAINING)) {
            context.close();
            System.exit(0);
        }
    }

    /** Bad configuration ends start-up with one line naming the variable, not a stack trace. */
    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException) {
                System.err.println("Configuration error: " + cause.getMessage());
                System.exit(1);
            }
        }
        super.handleStartupException(environment, exception);
    }
}
