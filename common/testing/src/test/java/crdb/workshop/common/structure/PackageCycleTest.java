package crdb.workshop.common.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import crdb.workshop.common.WorkshopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * common/core reads bottom-up: url and settings at the bottom, then server and pool, then mybatis,
 * echo and retry, and db (Database, Workshop) and cli on top. No two packages may need each other.
 */
class PackageCycleTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() throws Exception {
        // common/core's own classes only: its classes folder (test) or its jar (verify), not this module's.
        Path coreClasses = Path.of(
                WorkshopException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Location location = Files.isDirectory(coreClasses) ? Location.of(coreClasses)
                : Location.of(new JarFile(coreClasses.toFile()));
        core = new ClassFileImporter().importLocations(Set.of(location));
    }

    @Test
    void coreHasClassesInEveryPackageTheRulesName() {
        // Guards the rules below against passing on an empty import.
        for (String pkg : new String[] {"url", "settings", "server", "pool", "db", "retry", "echo", "mybatis", "cli"}) {
            assertThat(core.stream()
                    .anyMatch(c -> c.getPackageName().equals("crdb.workshop.common." + pkg)))
                    .as("classes in crdb.workshop.common.%s", pkg).isTrue();
        }
    }

    @Test
    void noTwoCorePackagesDependOnEachOther() {
        slices().matching("crdb.workshop.common.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theRootPackageDependsOnNoCorePackage() {
        // WorkshopException and LibraryLogging sit below everything; the slices above leave them out.
        noClasses().that().resideInAPackage("crdb.workshop.common")
                .should().dependOnClassesThat().resideInAPackage("crdb.workshop.common.*..")
                .check(core);
    }
}
