package org.cmograph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package direction of {@link ArchitectureTest#ALLOWED}, checked by ArchUnit on the compiled
 * classes (every dependency the bytecode holds: fields, signatures, calls, annotations), where
 * ArchitectureTest reads the source text. One test per unit: its classes depend only on their own
 * unit, the units listed for it, and code outside cmograph.
 */
class PackageDirectionTest {
  private static final String ROOT = "org.cmograph.";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(new MainClassesOnly())
            .importPackages("org.cmograph");
  }

  @Test
  void importsTheMainClassesAndNoTestClass() {
    assertTrue(main.contain(org.cmograph.cli.CmographCommand.class));
    assertFalse(main.contain(PackageDirectionTest.class), "a test class was imported");
    assertFalse(main.contain(org.cmograph.testing.Repo.class), "a test helper was imported");
  }

  @TestFactory
  List<DynamicTest> eachUnitDependsOnlyOnTheUnitsBelowIt() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<String>> unit : ArchitectureTest.ALLOWED.entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              unit.getKey(),
              () -> {
                List<String> allowed = new ArrayList<>(unit.getValue());
                allowed.add(unit.getKey());
                classes()
                    .that(inUnit(unit.getKey()))
                    .should()
                    .onlyDependOnClassesThat(outsideCmographOrIn(allowed))
                    .because("packages follow the data flow (ArchitectureTest.ALLOWED)")
                    .allowEmptyShould(false)
                    .check(main);
              }));
    }
    return tests;
  }

  /**
   * The import service (read a foreign file, write extraction files, check them) is in exchange,
   * beside extraction, although its check is the study pipeline of rdf: the command line hands that
   * check in as a function, so exchange names nothing above extraction and stays free of Jena.
   */
  @Test
  void theImportServiceIsInExchangeAndGetsItsCheckFromTheCommandLine() {
    classes()
        .that()
        .haveSimpleName("ImportService")
        .should()
        .resideInAPackage(ROOT + "exchange")
        .allowEmptyShould(false)
        .check(main);
    noClasses()
        .that()
        .resideInAPackage(ROOT + "exchange..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + "rdf..",
            ROOT + "store..",
            ROOT + "query..",
            ROOT + "report..",
            ROOT + "endpoint..",
            ROOT + "cli..",
            "org.apache.jena..")
        .because("exchange sits beside extraction; the import's check is passed in by cli")
        .check(main);
  }

  /** The unit a class belongs to: its package, or the nearest listed parent. */
  static String unitOf(JavaClass c) {
    String name = c.getPackageName();
    if (!name.startsWith(ROOT)) {
      return null;
    }
    String unit = name.substring(ROOT.length());
    while (!ArchitectureTest.ALLOWED.containsKey(unit) && unit.contains(".")) {
      unit = unit.substring(0, unit.lastIndexOf('.'));
    }
    return unit;
  }

  private static DescribedPredicate<JavaClass> inUnit(String unit) {
    return DescribedPredicate.describe("are in unit " + unit, c -> unit.equals(unitOf(c)));
  }

  private static DescribedPredicate<JavaClass> outsideCmographOrIn(List<String> units) {
    return DescribedPredicate.describe(
        "are outside cmograph or in " + units,
        c -> !c.getPackageName().startsWith(ROOT) || units.contains(unitOf(c)));
  }
}
