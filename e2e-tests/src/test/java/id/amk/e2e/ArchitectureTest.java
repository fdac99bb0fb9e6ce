package id.amk.e2e;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of DESIGN.md, over the classes of every module: no service uses another's code (they
 * talk through Kafka events, whose only shared form is the contracts module), and the shared modules
 * know no service.
 */
@AnalyzeClasses(packages = "id.amk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule services_do_not_use_each_other = slices()
            .matching("id.amk.(cases|referrals|reporting|identity|gateway)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule shared_modules_know_no_service = noClasses()
            .that().resideInAnyPackage("id.amk.platform..", "id.amk.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "id.amk.cases..", "id.amk.referrals..", "id.amk.reporting..", "id.amk.identity..", "id.amk.gateway..");

    @ArchTest
    static final ArchRule contracts_are_plain_data = noClasses()
            .that().resideInAPackage("id.amk.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..", "org.apache.kafka..");

    /** The domain (commands, events, aggregates, rules) knows no web, storage or messaging framework; Axon's annotations only. */
    @ArchTest
    static final ArchRule domains_are_free_of_infrastructure = noClasses()
            .that().resideInAnyPackage("id.amk.cases.casefile.api..", "id.amk.cases.casefile.command..",
                    "id.amk.referrals.referral.api..", "id.amk.referrals.referral.command..", "id.amk.reporting.report.api..",
                    "id.amk.reporting.report.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "org.apache.kafka..", "jakarta.servlet..", "com.fasterxml.jackson.databind..");
}
