package org.reviewgateway.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: gateway -> retention-job -> config; inside the gateway, feature packages form no
 * cycle, shared low-level packages know no feature, and a table is reached only through its owner's service
 * (../shared/design/ARCHITECTURE.md).
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reviewgateway");

    @Test
    void retentionJobKnowsNothingOfTheGatewayOrHttp() {
        noClasses().that().resideInAPackage("org.reviewgateway.retention..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reviewgateway.gateway..", "io.micronaut.http..")
                .check(classes);
    }

    /** One owner per table: a feature asks another feature's service (OrderLifecycle, Outbox, Suppressions …), never its repository. */
    @Test
    void aRepositoryIsUsedOnlyInsideItsOwnPackage() {
        classes().that().areAssignableTo(GenericRepository.class).and().resideInAPackage("org.reviewgateway.gateway..")
                .and().areInterfaces()
                .should().notBePublic().because("a repository is its package's own; other features call the package's service")
                .check(classes);
        for (JavaClass repository : classes.that(JavaClass.Predicates.simpleNameEndingWith("Repository"))) {
            noClasses().that().resideOutsideOfPackage(repository.getPackageName())
                    .should().dependOnClassesThat().belongToAnyOf(repository.reflect())
                    .because("the " + repository.getPackageName() + " package owns " + repository.getSimpleName())
                    .check(classes);
        }
    }

    @Test
    void configKnowsNothingOfTheProcesses() {
        noClasses().that().resideInAPackage("org.reviewgateway.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reviewgateway.gateway..", "org.reviewgateway.retention..")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.reviewgateway.gateway.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.reviewgateway.gateway.web..", "org.reviewgateway.gateway.privacy..",
                        "org.reviewgateway.gateway.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reviewgateway.gateway.order..",
                        "org.reviewgateway.gateway.outbox..", "org.reviewgateway.gateway.suppression..",
                        "org.reviewgateway.gateway.dispatch..", "org.reviewgateway.gateway.mail..",
                        "org.reviewgateway.gateway.template..", "org.reviewgateway.gateway.review..",
                        "org.reviewgateway.gateway.unsubscribe..", "org.reviewgateway.gateway.merchant..",
                        "org.reviewgateway.gateway.retention..", "org.reviewgateway.gateway.connector..")
                .check(classes);
    }

    /** A service says what went wrong (DomainException.Condition); the edge alone picks the HTTP status (Problems). */
    @Test
    void exceptionsCarryNoHttpStatus() {
        noClasses().that().areAssignableTo(Throwable.class).and().resideInAPackage("org.reviewgateway..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
                .check(classes);
    }

    /** Time comes from the injected Clock, so tests can move it. */
    /**
     * A route that reads a body runs where the body finished arriving, an event loop, unless told otherwise: a batch of
     * 500 orders then held every connection of that loop (the benchmark's p99 of 2–4 s while a purge ran).
     */
    @Test
    void routesThatReadABodyRunOnTheBlockingPool() {
        DescribedPredicate<JavaClass> readABody = DescribedPredicate.describe("have a route that reads a body", controller ->
                controller.getMethods().stream().anyMatch(m -> m.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(Body.class))));
        classes().that().areAnnotatedWith(Controller.class).and(readABody)
                .should().beAnnotatedWith(ExecuteOn.class)
                .check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .because("time comes from the injected java.time.Clock")
                .check(classes);
    }
}
