package com.asan.audience.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.asan.audience", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule criteriaCoreIsPlainJava = noClasses().that().resideInAPackage("..criteria..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "tools.jackson..",
                    "com.fasterxml..", "jakarta..", "org.roaringbitmap..")
            .as("the criteria core is plain Java: no Spring, jOOQ, Jackson, servlet or bitmap types");

    @ArchTest
    static final ArchRule criteriaCoreDependsOnNoModule = noClasses().that().resideInAPackage("..criteria..")
            .should().dependOnClassesThat().resideInAnyPackage("com.asan.audience.lead..", "com.asan.audience.account..",
                    "com.asan.audience.segment..", "com.asan.audience.web..", "com.asan.audience.shared..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should().notBePublic()
            .as("controllers are entry points, never a module's API");

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .should().notBePublic()
            .as("tables belong to their module: repositories stay package-private");

    @ArchTest
    static final ArchRule onlyTheWebModuleRendersPages = noClasses()
            .that().resideOutsideOfPackages("com.asan.audience.web..")
            .should().beAnnotatedWith(org.springframework.stereotype.Controller.class);
}
