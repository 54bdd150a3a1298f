package org.reviewgateway.gateway;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.repository.GenericRepository;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: gateway -> retention-job -> config. */
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
}
