package dev.myaccount.modules;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import dev.myaccount.MyAccountApplication;

/** Each top-level package is a module: no cycles between them, and none uses another's internals. */
class ModulesTest {

    private final ApplicationModules modules = ApplicationModules.of(MyAccountApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        modules.verify();
    }

    @Test
    void theModuleDiagramIsWrittenIntoDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults())
                .writeModuleCanvases();
    }
}
