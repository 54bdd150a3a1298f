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
        description = "Deletes personal data whose retention period has passed; re-wraps data keys after a key rotation.")
public final class RetentionJob implements Callable<Integer> {

    static final String TRIGGER = "cli";

    @Option(names = "--once", description = "Run one purge and exit (default: purge every RETENTION_INTERVAL until stopped).")
    boolean once;

    @Option(names = "--dry-run", description = "Only count what would be purged; change nothing.")
    boolean dryRun;

    @Option(names = "--as-of", description = "Purge what will have expired by this instant (ISO-8601), instead of now.")
    Instant asOf;

    @Option(names = "--rewrap", description = "After a master-key rotation: re-wrap every data key under GATEWAY_PII_KEY "
            + "(opening it with GATEWAY_PII_PREVIOUS_KEYS) and exit.")
    boolean rewrap;

    public static void main(String[] args) {
        // Not named logback.xml: this jar is also a library of the gateway, whose logging is its own.
        System.setProperty("logback.configurationFile", "retention-job-logback.xml");
        System.exit(new CommandLine(new RetentionJob()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (rewrap && (once || dryRun || asOf != null)) {
            System.err.println("retention-job: --rewrap runs alone");
            return 2;
        }
        if (!once && !rewrap && (dryRun || asOf != null)) {
            System.err.println("retention-job: --dry-run and --as-of need --once");
            return 2;
        }
        ApplicationContext context;
        try {
            context = ApplicationContext.builder()
                    .properties(Map.of("retention.enabled", !once && !rewrap))
                    .start();
        } catch (RuntimeException e) {
            System.err.println("retention-job: cannot reach the database (" + databaseName() + "): " + rootMessage(e));
            return 1;
        }
        try (context) {
            if (rewrap) {
                return rewrap(context);
            }
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

    private static int rewrap(ApplicationContext context) {
        try {
            DataKeyRewrap.Report report = context.getBean(DataKeyRewrap.class).rewrap();
            System.out.println(report.summary());
            return 0;
        } catch (java.sql.SQLException | RuntimeException e) {
            System.err.println("retention-job: rewrap failed: " + rootMessage(e));
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
