package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The submissions grid: what each street and district of the user's jurisdiction sent for each
 * template — late (the console city's files arrived long after October's due day), missing
 * (nobody sent S1), rows rejected and open with the stewards; a cell opens the files and their
 * accounting; another jurisdiction's cells answer 404.
 */
@SpringBootTest
class SubmissionsConsoleTests {

    @Autowired
    WebApplicationContext context;

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

    @TempDir
    Path dir;

    MockMvc mvc;

    @BeforeEach
    void city() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        OpsTestSupport.users(jdbc, divisions, users);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aStreetSeesItsOwnGridAndOpensAMissingAndASentCell() throws Exception {
        String grid = page("viewer-streetA", "/submissions?month=2026-10&months=2");
        assertThat(grid).contains("建北街道").doesNotContain("青园街道").doesNotContain(">长安区<");
        assertThat(cell(grid, "130102001-2026-10-S3")).contains("class=\"late\"").contains("迟报").contains("退回")
                .contains("待更正");
        assertThat(cell(grid, "130102001-2026-10-S1")).contains("class=\"missing\"").contains("未报");
        assertThat(cell(grid, "130102001-2026-09-S2")).contains("未报");

        String missing = page("viewer-streetA", "/submissions/130102001/2026-10/S1");
        assertThat(missing).contains("还没有收到任何文件").contains("2026-11-05");
        String sent = page("viewer-streetA", "/submissions/130102001/2026-10/S3");
        int open = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE unit_code = '130102001' AND "
                + "template = 'S3' AND status = 'open'", Integer.class);
        assertThat(open).isPositive();
        assertThat(sent).contains("花名册.csv").contains("已入库").contains(">" + open + "<");

        assertThat(status("viewer-streetA", "/submissions/130102002/2026-10/S3")).isEqualTo(404);
        assertThat(status("steward-otherDistrict", "/submissions/130102001/2026-10/S3")).isEqualTo(404);
        assertThat(status("viewer-streetA", "/submissions/130102/2026-10/D1")).isEqualTo(404);
    }

    @Test
    void aDistrictSeesItsStreetsAndItselfAndTheCitySeesEveryDistrict() throws Exception {
        String district = page("viewer-district", "/submissions?month=2026-10&months=1");
        assertThat(district).contains("建北街道").contains("青园街道").contains("长安区").doesNotContain("东里");
        assertThat(cell(district, "130102-2026-10-D1")).contains("未报");
        assertThat(cell(district, "130102002-2026-10-S2")).contains("迟报");
        assertThat(page("viewer-city", "/submissions?month=2026-10&months=1")).contains("桥西区").contains("长安区");
        assertThat(page("viewer-district", "/submissions/130102/2026-10/D1")).contains("还没有收到任何文件");
    }

    private static String cell(String html, String id) {
        int at = html.indexOf("id=\"cell-" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.lastIndexOf("<td", at);
        return html.substring(start, html.indexOf("</td>", at));
    }

    private int status(String who, String path) throws Exception {
        return mvc.perform(get(path).with(as(users, who))).andReturn().getResponse().getStatus();
    }

    private String page(String who, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(users, who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
