package org.reviewgateway.gateway;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(
        title = "review-invitation gateway",
        version = "1",
        description = "Anonymous orders in, review links and invitation e-mails out."))
public class Application extends Micronaut {

    public static void main(String[] args) {
        new Application().mainClass(Application.class).args(args).start();
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
