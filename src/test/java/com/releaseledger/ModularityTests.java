package com.releaseledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ImportOption;

import modularity.wrongarrow.WrongArrowApplication;

/**
 * Keeps the module map honest: no cycles, each module using only the modules its {@code package-info.java}
 * allows ({@code @ApplicationModule(allowedDependencies = ...)}) and only their API, and draws the map into
 * {@code target/spring-modulith-docs/}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LedgerApplication.class);

    @Test
    void modulesUseOnlyTheModulesTheyDeclareAndOnlyTheirApi() {
        modules.verify();
    }

    @Test
    void theVerificationRejectsAModuleUsingOneItDidNotDeclare() {
        // the fixture lives with the tests, which the default import leaves out
        assertThatThrownBy(() -> ApplicationModules.of(WrongArrowApplication.class,
                ImportOption.Predefined.ONLY_INCLUDE_TESTS).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("upstream")
                .hasMessageContaining("downstream");
    }

    @Test
    void everyModuleDeclaresItsDependencies() {
        modules.forEach(module -> assertThat(module.getBasePackage().getAnnotation(
                org.springframework.modulith.ApplicationModule.class)).as(module.getIdentifier().toString())
                .isPresent());
    }

    @Test
    void drawsTheModuleMap() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();

        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
        assertThat(Files.exists(Path.of("target/spring-modulith-docs/module-analysis.adoc"))
                || Files.exists(Path.of("target/spring-modulith-docs/module-analysis.puml"))).isTrue();
    }
}
