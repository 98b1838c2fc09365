package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.ingest.rejects.RejectFilter;
import cn.sanshe.pipeline.ingest.rejects.RejectRows;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corrected workbook that is not one (a broken zip) or is too big is refused before
 * anything changes. The rejects page's counts must be the open rows themselves, for every jurisdiction and filter, before and after a
 * correction — and the pages together list exactly those rows.
 */
@SpringBootTest
class RejectsPageTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    ConsoleUsers users;

    @Autowired
    RejectRows rows;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void hostileOrOversizedUploadsAreRefusedAndChangeNothing() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        users.add("zhang", Role.STEWARD, new Jurisdiction(ConsoleCity.STREET_A), ConsoleCity.PASSWORD, false);
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Long.class);
        for (byte[] file : List.of("PK\u0003\u0004 not really a workbook".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                new byte[11 * 1024 * 1024])) {
            int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/rejects/upload")
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "更正.xlsx", "application/octet-stream", file))
                    .with(ConsoleTestSupport.as(users, "zhang"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as("an upload of %d bytes", file.length).isIn(400, 413);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Long.class))
                .isEqualTo(open);
    }

    @Test
    void theCountsAreTheOpenRowsBeforeAndAfterACorrection() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        users.add("zhang", Role.STEWARD, new Jurisdiction(ConsoleCity.STREET_A), ConsoleCity.PASSWORD, false);
        agree();
        long reject = ConsoleTestSupport.rejects(jdbc, ConsoleCity.STREET_A).get(0);
        List<String> cells = new ArrayList<>(rows.row(new Jurisdiction(ConsoleCity.STREET_A), reject, true).cells());
        cells.set(cells.size() - 1, "130102001002");
        assertThat(rows.correct(users.find("zhang").orElseThrow(), reject, cells, "").loaded()).isTrue();
        agree();
    }

    private void agree() {
        for (String prefix : List.of(ConsoleCity.STREET_A, ConsoleCity.STREET_B, ConsoleCity.DISTRICT,
                ConsoleCity.OTHER_DISTRICT, ConsoleCity.CITY)) {
            Jurisdiction jurisdiction = new Jurisdiction(prefix);
            for (RejectFilter filter : List.of(RejectFilter.all(), new RejectFilter(null, null, "S3", null),
                    new RejectFilter(ConsoleCity.STREET_A, null, null, null),
                    new RejectFilter(null, ConsoleCity.PERIOD, null, null),
                    new RejectFilter(null, null, null, "所属社区代码"))) {
                List<Object> args = new ArrayList<>(List.of(prefix + "%"));
                String sql = "SELECT COUNT(*) FROM ingest_reject WHERE status = 'open' AND unit_code LIKE ?";
                if (filter.unit() != null) {
                    sql += " AND unit_code LIKE ?";
                    args.add(filter.unit() + "%");
                }
                if (filter.template() != null) {
                    sql += " AND template = ?";
                    args.add(filter.template());
                }
                if (filter.period() != null) {
                    sql += " AND period = ?";
                    args.add(filter.period());
                }
                if (filter.reason() != null) {
                    sql += " AND reasons LIKE ?";
                    args.add("%" + filter.reason() + "%");
                }
                long expected = jdbc.queryForObject(sql, Long.class, args.toArray());
                RejectRows.Page page = rows.page(jurisdiction, filter, false);
                assertThat(page.total()).as("%s %s", prefix, filter).isEqualTo(expected);
                assertThat(page.lines()).as("%s %s", prefix, filter).hasSize((int) Math.min(expected, RejectFilter.PAGE_SIZE));
            }
        }
    }
}
