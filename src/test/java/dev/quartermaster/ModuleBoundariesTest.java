package dev.quartermaster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module layout of ARCHITECTURE.md: dependencies point one way (surfaces, features, shared services,
 * platform), no module reaches into another's sub-packages, and nothing depends on a web adapter of
 * ours (a library's, such as springdoc's API description, may be called in-process).
 */
class ModuleBoundariesTest {

    private static final String ROOT = "dev.quartermaster";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("console").definedBy(ROOT + ".console..")
                .layer("gateway").definedBy(ROOT + ".gateway..")
                .layer("openai").definedBy(ROOT + ".openai..")
                .layer("integrations").definedBy(ROOT + ".integrations..")
                .layer("accounts").definedBy(ROOT + ".accounts..")
                .layer("catalog").definedBy(ROOT + ".catalog..")
                .layer("providers").definedBy(ROOT + ".providers..")
                .layer("audit").definedBy(ROOT + ".audit..")
                .layer("identity").definedBy(ROOT + ".identity..")
                .layer("egress").definedBy(ROOT + ".egress..")
                .layer("secrets").definedBy(ROOT + ".secrets..")
                .layer("platform").definedBy(ROOT + ".platform..")
                .whereLayer("console").mayNotBeAccessedByAnyLayer()
                .whereLayer("gateway").mayOnlyBeAccessedByLayers("console")
                .whereLayer("openai").mayNotBeAccessedByAnyLayer()
                .whereLayer("integrations").mayOnlyBeAccessedByLayers("console")
                .whereLayer("accounts").mayOnlyBeAccessedByLayers("openai", "gateway", "console")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("accounts", "openai", "gateway", "console")
                .whereLayer("providers").mayOnlyBeAccessedByLayers("catalog", "accounts", "gateway", "console")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("providers", "catalog", "accounts", "integrations", "console")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("audit", "providers", "catalog", "accounts",
                        "integrations", "openai", "console", "gateway")
                .whereLayer("egress").mayOnlyBeAccessedByLayers("identity", "providers", "accounts", "gateway")
                .whereLayer("secrets").mayOnlyBeAccessedByLayers("identity", "providers", "accounts", "integrations")
                .withOptionalLayers(true)
                .check(CLASSES);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aModuleUsesOnlyTheRootPackageOfAnother() {
        classes().that().resideInAPackage(ROOT + "..").should(useOnlyPublicApiOfOtherModules()).check(CLASSES);
    }

    @Test
    void theSubPackagesOfEachModuleAreFreeOfCycles() {
        slices().matching(ROOT + ".(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles().check(CLASSES);
    }

    /** Each package says in its package-info what it owns and exposes, so a newcomer can find a feature. */
    @Test
    void everyPackageHasAPackageInfo() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java/dev/quartermaster");
        try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.walk(sources)) {
            List<String> without = dirs.filter(java.nio.file.Files::isDirectory)
                    .filter(d -> !java.nio.file.Files.exists(d.resolve("package-info.java")))
                    .map(sources::relativize).map(String::valueOf).toList();

            assertThat(without).isEmpty();
        }
        assertThat(CLASSES.stream().map(JavaClass::getPackageName).distinct().count()).isGreaterThan(30);
    }

    @Test
    void nothingDependsOnAWebAdapterOfOurs() {
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat(DescribedPredicate.and(
                        JavaClass.Predicates.resideInAPackage(ROOT + ".."),
                        CanBeAnnotated.Predicates.annotatedWith(RestController.class)))
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> useOnlyPublicApiOfOtherModules() {
        return new ArchCondition<>("use only the root package of other modules") {
            @Override
            public void check(JavaClass source, ConditionEvents events) {
                for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String targetModule = module(target.getPackageName());
                    boolean otherModule = targetModule != null && !targetModule.equals(module(source.getPackageName()));
                    if (otherModule && !target.getPackageName().equals(ROOT + "." + targetModule)
                            && !CONSOLE_READS_USAGE.test(source, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The console's usage page reads what metering wrote through gateway.usage's public service, as its API does. */
    private static final java.util.function.BiPredicate<JavaClass, JavaClass> CONSOLE_READS_USAGE = (source, target) ->
            "console".equals(module(source.getPackageName()))
                    && target.getPackageName().equals(ROOT + ".gateway.usage");

    private static String module(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
