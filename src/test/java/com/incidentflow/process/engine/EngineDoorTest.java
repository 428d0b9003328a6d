package com.incidentflow.process.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine behind one door (docs/adr/0007): only the door and the inbound side the engine calls
 * may depend on {@code org.camunda}. A feature that needs the engine asks the door; a class that must
 * be called by the engine goes into an allowed package or onto the list below, with its reason.
 *
 * <p>Checked twice: on the compiled classes (ArchUnit: every use, also one spelled with its full
 * name) and on the sources' imports, which is what a package rename such as Operaton's OpenRewrite
 * recipe touches (a constant's import leaves no trace in the class file).
 */
class EngineDoorTest {

  private static final String ROOT = "com.incidentflow";

  /** Packages that are engine integration as a whole. */
  static final String[] ALLOWED_PACKAGES = {
      ROOT + ".process.engine..", // the door: every read and write the features need
      ROOT + ".process.conflict..", // how the engine meets lost races and failed jobs (interceptor, failed-job retries)
      ROOT + ".metrics.cockpit..", // the Cockpit plugin and its JAX-RS resources
  };

  /** Single classes of feature packages that the engine calls or that configure it. */
  static final Set<String> ALLOWED_CLASSES = Set.of(
      // everything the app plugs into the engine: interceptors, history handler, parse listener, identity settings
      ROOT + ".config.EnginePlugins",
      // Spring builds the engine after Flyway (spring.factories)
      ROOT + ".database.EngineAfterMigrations",
      // the metrics record is written from the engine's history events
      ROOT + ".metrics.MetricsHistoryEvents",
      // server-side validation of every step: the engine's form-validation error, answered 400 by Tasklist and the REST API
      ROOT + ".process.step.StepValidationException",
      // security: the authorization model (also Tasklist filters' grants), the engine's and webapps' REST answers, the data guard
      ROOT + ".security.EngineRestProblems",
      ROOT + ".security.ProcessDataGuard",
      ROOT + ".security.RoleModel",
      // the webapps' CSP: Camunda's own nonce attribute
      ROOT + ".webapps.RequestScopedCspNonceFilter",
      // Tasklist's saved filters are the engine's own entities, with the engine's task queries in them
      ROOT + ".tasklist.TasklistFilters",
      // the one problem body under /api: answers the engine's refusal (AuthorizationException) with 403
      ROOT + ".api.ApiProblems");

  private static final Path SOURCES = Path.of("src/main/java");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  @Test
  void shouldReachTheEngineOnlyThroughTheDoorAndTheInboundSide() {
    noClasses()
        .that().resideOutsideOfPackages(ALLOWED_PACKAGES)
        .and(outsideAllowedClasses())
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("features reach the engine through com.incidentflow.process.engine (docs/adr/0007)")
        .check(MAIN);
  }

  @Test
  void shouldImportTheEngineOnlyInTheDoorAndTheInboundSide() throws IOException {
    Set<String> outside = new TreeSet<>();
    for (String type : typesImportingTheEngine()) {
      if (!isInAllowedPackage(type) && !ALLOWED_CLASSES.contains(type)) {
        outside.add(type);
      }
    }
    assertThat(outside).as("sources that import org.camunda outside the door and the inbound side (docs/adr/0007)").isEmpty();
  }

  @Test
  void shouldListOnlyClassesThatStillImportTheEngine() throws IOException {
    Set<String> stale = new TreeSet<>(ALLOWED_CLASSES);
    stale.removeAll(typesImportingTheEngine());
    assertThat(stale).as("allowed classes that are gone or no longer import org.camunda: take them off the list").isEmpty();
  }

  /** The top-level types whose source imports org.camunda, as {@code grep -rl 'import org.camunda' src/main/java} lists them. */
  private static Set<String> typesImportingTheEngine() throws IOException {
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (Files.readString(file).contains("import org.camunda")) {
          String relative = SOURCES.relativize(file).toString().replace(File.separatorChar, '.');
          types.add(relative.substring(0, relative.length() - ".java".length()));
        }
      }
    }
    assertThat(types).as("the sources were found").isNotEmpty();
    return types;
  }

  private static boolean isInAllowedPackage(String type) {
    String packageName = type.substring(0, type.lastIndexOf('.'));
    for (String allowed : ALLOWED_PACKAGES) {
      String base = allowed.substring(0, allowed.length() - "..".length());
      if (packageName.equals(base) || packageName.startsWith(base + ".")) {
        return true;
      }
    }
    return false;
  }

  private static DescribedPredicate<JavaClass> outsideAllowedClasses() {
    return DescribedPredicate.describe(
        "are not on the list of inbound classes",
        type -> !ALLOWED_CLASSES.contains(outermost(type).getName()));
  }

  private static JavaClass outermost(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
