package org.cmograph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Jena's internal classes, which any Jena release may change, are used in as few places as
 * possible, each guarded by a test that would catch an upgrade breaking it:
 *
 * <ul>
 *   <li>TDB2's storage internals, DBOE and Thrift: only in the store package's {@code
 *       TdbInternals}, {@code StoredNodes}, {@code TdbIndex} (the node-id half of {@code
 *       StoreIndex}; the other, {@code DatasetIndex}, uses public APIs only), and {@code
 *       DeferredIndexes} (guarded by TdbInternalsTest, StoredNodesTest, StoreIndexSliceTest,
 *       EvidenceReaderBatchTest and SummarySelectiveReadTest, DeferredIndexesTest);
 *   <li>TDB2's query executor: only in the store's {@code KeptSolutions}, which extends it with a
 *       hook where operators keep solutions; the endpoint's {@code BoundedWork} charges them to a
 *       query's budget through it (BoundedWorkTest, HostileQueryIT);
 *   <li>jena-shacl's engine classes: nowhere. {@code rdf.StudyShapes}, which runs the SPARQL
 *       constraints of many studies in one pass, reads them and their targets from the shapes graph
 *       itself and hands the rest to ShaclValidator (StudyShapesTest compares it with the engine's
 *       own validation).
 * </ul>
 *
 * Public APIs (DatabaseMgr, TDB2's context symbols, ARQ, ShaclValidator's reports) are free to use.
 */
@AnalyzeClasses(packages = "org.cmograph", importOptions = MainClassesOnly.class)
class JenaInternalsTest {
  /** TDB2's storage, DBOE and the Thrift node encoding: Jena internals any release may change. */
  private static final String[] STORAGE_INTERNALS = {
    "org.apache.jena.tdb2.store..",
    "org.apache.jena.tdb2.sys..",
    "org.apache.jena.tdb2.lib..",
    "org.apache.jena.tdb2.setup..",
    "org.apache.jena.dboe..",
    "org.apache.jena.riot.thrift..",
    "org.apache.thrift.."
  };

  @ArchTest
  static final ArchRule storageInternalsOnlyInTheStore =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.cmograph.store.TdbInternals")
          .and()
          .doNotHaveFullyQualifiedName("org.cmograph.store.StoredNodes")
          .and()
          .doNotHaveFullyQualifiedName("org.cmograph.store.TdbIndex")
          .and()
          .doNotHaveFullyQualifiedName("org.cmograph.store.DeferredIndexes")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(STORAGE_INTERNALS)
          .because("TDB2's storage classes are internal to Jena: keep them in four classes");

  @ArchTest
  static final ArchRule queryExecutorInternalsOnlyInKeptSolutions =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.cmograph.store.KeptSolutions")
          .and()
          .doNotHaveFullyQualifiedName("org.cmograph.store.KeptSolutions$Executor")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.jena.tdb2.solver..")
          .because(
              "TDB2's executor is internal to Jena: only the store's KeptSolutions extends it");

  @ArchTest
  static final ArchRule tdb2InternalsOnlyInTheStore =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.cmograph.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(STORAGE_INTERNALS)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.jena.tdb2.solver..")
          .because("no class outside the store touches TDB2, DBOE or Thrift internals (issue 17)");

  @ArchTest
  static final ArchRule noShaclEngineInternals =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.jena.shacl.engine..", "org.apache.jena.shacl.validation.event..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.apache.jena.shacl.validation.VLib")
          .because(
              "jena-shacl's engine classes are internal: the batched validation reads the shapes"
                  + " graph itself");
}
