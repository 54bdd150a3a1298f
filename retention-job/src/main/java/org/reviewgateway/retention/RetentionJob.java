package org.reviewgateway.retention;

import io.micronaut.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone retention job: one purge ({@code --once}) or its own schedule, against the database
 * the environment names (the gateway's embedded H2 file by default: stop the gateway first, H2 admits
 * one process).
 */
@Command(name = "retention-job", mixinStandardHelpOptions = true,
        description = "Deletes personal data whose retention period has passed.")
public final class RetentionJob implements Callable<Integer> {

    static final String TRIGGER = "cli";

    @Option(names = "--once", description = "Run one purge and exit (default: purge every RETENTION_INTERVAL until stopped).")
    boolean once;

    @Option(names = "--dry-run", description = "Only count what would be purged; change nothing.")
    boolean dryRun;

    @Option(names = "--as-of", description = "Purge what will have expired by this instant (ISO-8601), instead of now.")
    Instant asOf;

    public static void main(String[] args) {
        // Not named logback.xml: this jar is also a library of the gateway, whose logging is its own.
        System.setProperty("logback.configurationFile", "retention-job-logback.xml");
        System.exit(new CommandLine(new RetentionJob()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!once && (dryRun || asOf != null)) {
            System.err.println("retention-job: --dry-run and --as-of need --once");
            return 2;
        }
        ApplicationContext context;
        try {
            context = ApplicationContext.builder()
                    .properties(Map.of("retention.enabled", !once))
                    .start();
        } catch (RuntimeException e) {
            System.err.println("retention-job: cannot reach the database (" + databaseName() + "): " + rootMessage(e));
            return 1;
        }
        try (context) {
            if (!once) {
                System.out.println("retention-job: purging on schedule until stopped");
                new CountDownLatch(1).await();
                return 0;
            }
            Instant cutoff = asOf != null ? asOf : context.getBean(Clock.class).instant();
            PurgeReport report = context.getBean(PersonalDataPurger.class).purge(cutoff, dryRun, TRIGGER);
            System.out.println(report.summary());
            return report.leaseHeldElsewhere() ? 3 : 0;
        } catch (RuntimeException e) {
            System.err.println("retention-job: purge failed: " + rootMessage(e));
            return 1;
        }
    }

    private static String databaseName() {
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        if (url == null) {
            url = System.getProperty("datasources.default.url");
        }
        return url != null ? url.replaceAll("password=[^&;]*", "password=***")
                : "the embedded H2 database in GATEWAY_DATA_DIR; stop the gateway first, H2 admits one process";
    }

    /** The innermost message, on one line: what an operator can act on. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
