package cn.sanshe.pipeline.reconcile.truth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * reconcileJob against known truth: three months of the demo city's 182 communities (some 3,000
 * organization rows and 6,000 worker rows with the noise of identifiers.md), reconciled from
 * empty masters. Pairwise precision and recall of the masters, and every planted conflict opened
 * for exactly the entities it was planted on. The figures and, when they fall short, the rows
 * behind them go to the output and to {@code target/reconcile-accuracy.txt}.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileAccuracyIntegrationTests {

    static final Spec SPEC = Spec.of(20_261, YearMonth.of(2026, 7), 3, 4, 8);
    static final double ORG_PRECISION = 0.995;
    static final double ORG_RECALL = 0.99;
    static final double WORKER_PRECISION = 0.995;
    static final double WORKER_RECALL = 0.99;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityVault vault;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    ReconcileRun reconcile;

    Truth truth;
    JobOutcome outcome;
    PairwiseScore.Result orgs;
    PairwiseScore.Result workers;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void generateAndReconcile() throws Exception {
        TruthTables.delete(jdbc);
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = '130100000000'", Integer.class);
        if (city == null || city == 0) {
            divisions.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        }
        truth = TruthGenerator.generate(jdbc, vault, SPEC);
        long start = System.nanoTime();
        outcome = reconcile.run(null);
        double seconds = (System.nanoTime() - start) / 1e9;

        orgs = PairwiseScore.organizations(jdbc, truth);
        workers = PairwiseScore.workers(jdbc, truth);
        report.add("# Reconcile accuracy against known truth");
        report.add("truth: " + truth.summary().describe());
        report.addAll(SPEC.noise().describe());
        report.add(String.format(Locale.ROOT, "reconcileJob: %s in %.1f s", outcome.describe().replace('\n', ' '),
                seconds));
        report.add(orgs.describe());
        report.add(workers.describe());
        for (ConflictCheck check : ConflictCheck.all(jdbc, truth, orgs, workers)) {
            report.add(check.describe());
        }
        report.add("");
        report.addAll(TruthDiagnostics.reviews(jdbc, truth, orgs, 10));
        report.addAll(TruthDiagnostics.organizations(jdbc, truth, orgs, 8));
        report.add("");
        report.addAll(TruthDiagnostics.workers(jdbc, truth, workers, 5));
        for (String kind : Truth.Planted.KINDS) {
            ConflictCheck check = ConflictCheck.of(jdbc, truth, kind, orgs, workers);
            for (Long entity : check.missed()) {
                report.add("missed " + kind + ": #" + entity + " " + notes(kind).getOrDefault(entity, ""));
            }
            for (Long entity : check.unexpected()) {
                report.add("unexpected " + kind + ": #" + entity + " " + notes(kind).getOrDefault(entity, "plain")
                        + " periods " + check.flagged().get(entity));
            }
        }
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "reconcile-accuracy.txt"), report, StandardCharsets.UTF_8);
    }

    private java.util.Map<Long, String> notes(String kind) {
        return Truth.Planted.aboutOrganizations(kind) ? truth.orgNotes() : truth.workerNotes();
    }

    @AfterAll
    void leaveNothing() {
        TruthTables.delete(jdbc);
    }

    @Test
    void theJobCompletesAndLinksEveryRow() {
        assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
        assertThat(truth.summary().orgRows()).isBetween(2_500L, 3_500L);
        assertThat(truth.summary().workerRows()).isBetween(5_000L, 7_000L);
        assertThat(orgs.unlinkedRows()).as("organization rows without a master").isZero();
        assertThat(workers.unlinkedRows()).as("worker rows without a master").isZero();
    }

    @Test
    void organizationsAreMatchedAsTheTruthSays() {
        assertThat(orgs.precision()).as(String.join("\n", report)).isGreaterThanOrEqualTo(ORG_PRECISION);
        assertThat(orgs.recall()).as(String.join("\n", report)).isGreaterThanOrEqualTo(ORG_RECALL);
    }

    @Test
    void workersAreMatchedAsTheTruthSays() {
        assertThat(workers.precision()).as(String.join("\n", report)).isGreaterThanOrEqualTo(WORKER_PRECISION);
        assertThat(workers.recall()).as(String.join("\n", report)).isGreaterThanOrEqualTo(WORKER_RECALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {Truth.Planted.ORG_ACTIVE_BUT_CANCELLED, Truth.Planted.WORKER_TWO_COMMUNITIES,
        Truth.Planted.CERT_TWO_IDS, Truth.Planted.CERT_NOT_IN_REGISTER})
    void eachPlantedConflictIsOpenedForExactlyItsEntities(String kind) {
        ConflictCheck check = ConflictCheck.of(jdbc, truth, kind, orgs, workers);

        assertThat(check.planted()).as("planted %s", kind).isNotEmpty();
        assertThat(check.missed()).as("%s planted but not opened: %s", kind, check.describe()).isEmpty();
        assertThat(check.unexpected()).as("%s opened but not planted: %s", kind, check.describe()).isEmpty();
    }

    @Test
    void theConflictsOpenedAreExactlyThoseWholeTableSqlFinds() {
        // Survivorship finds them per master from the rows it reads anyway; the oracle reads every row.
        java.util.Set<String> expected = ConflictOracle.expected(jdbc);

        assertThat(expected).as("the oracle finds conflicts of every kind")
                .anyMatch(c -> c.startsWith("WORKER_TWO_COMMUNITIES|")).anyMatch(c -> c.startsWith("CERT_TWO_IDS|"))
                .anyMatch(c -> c.startsWith("ORG_ACTIVE_BUT_CANCELLED|"))
                .anyMatch(c -> c.startsWith("CERT_NOT_IN_REGISTER|"));
        assertThat(ConflictOracle.opened(jdbc)).isEqualTo(expected);
    }

    @Test
    void conflictDetailsNameTheMaskedPersonAndTheCommunities() {
        assertThat(ConflictOracle.details(jdbc, Truth.Planted.WORKER_TWO_COMMUNITIES)).isNotEmpty()
                .allMatch(detail -> detail.matches("同一人（\\d{6}\\*+\\d{3}[\\dX]）在2个社区的花名册上：\\d{12}、\\d{12}"));
        assertThat(ConflictOracle.details(jdbc, Truth.Planted.CERT_TWO_IDS)).isNotEmpty()
                .allMatch(detail -> detail.matches("证书编号\\S+出现在2个身份证号下：\\d{6}\\*+\\d{3}[\\dX]、\\d{6}\\*+\\d{3}[\\dX]"));
        assertThat(ConflictOracle.details(jdbc, Truth.Planted.ORG_ACTIVE_BUT_CANCELLED)).isNotEmpty()
                .allMatch(detail -> detail.matches("\\d{9}台账仍列为活动组织，登记管理机关名录为(注销|撤销)：.+"));
        assertThat(ConflictOracle.details(jdbc, Truth.Planted.CERT_NOT_IN_REGISTER)).isNotEmpty()
                .allMatch(detail -> detail.startsWith("花名册填报") && detail.endsWith("持证名录中没有：按未核实处理，不计入持证人数")
                        && !detail.contains("null"));
    }
}
