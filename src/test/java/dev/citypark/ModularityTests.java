package dev.citypark;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Guards the walls between capabilities: a module uses another only through its top-level (API) package. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CityparkApplication.class);

    @Test
    void verifiesModuleStructure() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
