package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * The rendered editions in the console: each user sees and downloads only the editions whose scope
 * lies inside their jurisdiction; per recipient what was sent; an uncertain mail resent only by an
 * operator after a confirmation, and then only that mail's row released. (The delivery run the
 * resend starts is the real one elsewhere; here it is replaced, so the test renders nothing.)
 */
@SpringBootTest
class ReportsConsoleTests {

    static final String PERIOD = "2026-10";
    static final String CHANGAN = "130102000000";
    static final String QIAOXI = "130104000000";
    static final String CITY = "130100000000";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    ConsoleUsers users;

    @Autowired
    PipelineProperties paths;

    @MockitoBean
    ReportRun reportRun;

    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        OpsTestSupport.users(jdbc, divisions, users);
        FileSystemUtils.deleteRecursively(paths.reports());
        edition(CHANGAN, "石家庄市长安区三社联动监测月报（2026年10月）");
        edition(QIAOXI, "石家庄市桥西区三社联动监测月报（2026年10月）");
        edition(CITY, "石家庄市三社联动监测月报（2026年10月）");
        jdbc.update("DELETE FROM delivery_log");
        log("changan-district-monthly", "mzj@changan.sjz.example", "sending");
        log("qiaoxi-district-monthly", "mzj@qiaoxi.sjz.example", "sent");
        log("sjz-city-monthly", "director@mz.sjz.example", "sent");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void everyoneSeesAndDownloadsOnlyTheEditionsOfTheirJurisdiction() throws Exception {
        String district = page("viewer-district", "/reports");
        assertThat(district).contains("长安区三社联动监测月报").doesNotContain("桥西区三社联动").doesNotContain("石家庄市三社联动监测月报（");
        assertThat(district).contains("已发送 0 / 1，不确定 1");
        String city = page("viewer-city", "/reports");
        assertThat(city).contains("长安区三社联动").contains("桥西区三社联动").contains("石家庄市三社联动监测月报（2026年10月）");
        assertThat(page("viewer-city", "/reports?scope=" + QIAOXI)).contains("桥西区三社联动").doesNotContain("长安区三社联动");
        assertThat(page("viewer-streetA", "/reports")).doesNotContain("三社联动监测月报（");

        MvcResult pdf = mvc.perform(get("/reports/" + PERIOD + "/" + CHANGAN + "/pdf").with(as(users, "viewer-district")))
                .andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo("%PDF " + CHANGAN);
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("attachment");
        MvcResult csv = mvc.perform(get("/reports/" + PERIOD + "/" + CHANGAN + "/kpis.csv").with(as(users, "viewer-district")))
                .andReturn();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("indicator,value\n");

        for (String[] denied : new String[][] {{"viewer-district", QIAOXI}, {"viewer-district", CITY},
            {"viewer-streetA", CHANGAN}, {"operator-otherDistrict", CHANGAN}, {"steward-streetB", CHANGAN}}) {
            for (String kind : new String[] {"", "/pdf", "/kpis.json", "/kpis.csv"}) {
                assertThat(status(denied[0], "/reports/" + PERIOD + "/" + denied[1] + kind)).as("%s %s%s", denied[0],
                        denied[1], kind).isEqualTo(404);
            }
        }
        assertThat(status("viewer-city", "/reports/" + PERIOD + "/..%2F..%2Fetc/pdf")).isIn(400, 404);
        assertThat(status("viewer-city", "/reports/" + PERIOD + "/" + CHANGAN + "/other.txt")).isIn(404, 500).isNotEqualTo(200);
    }

    @Test
    void anUncertainMailIsResentOnlyByAnOperatorAfterAConfirmation() throws Exception {
        String edition = page("operator-district", "/reports/" + PERIOD + "/" + CHANGAN);
        assertThat(edition).contains("mzj@changan.sjz.example").contains("不确定").contains("class=\"resend\"");
        assertThat(page("viewer-district", "/reports/" + PERIOD + "/" + CHANGAN)).contains("不确定")
                .doesNotContain("class=\"resend\"");
        String confirm = page("operator-district", "/reports/" + PERIOD + "/" + CHANGAN
                + "/resend?edition=changan-district-monthly&recipient=mzj@changan.sjz.example");
        assertThat(confirm).contains("只有确认对方没有收到时才重发").contains("id=\"confirm\"");
        assertThat(state("changan-district-monthly")).as("the confirmation page changes nothing").isEqualTo("sending");

        for (String who : new String[] {"viewer-district", "steward-district"}) {
            assertThat(mvc.perform(post("/reports/" + PERIOD + "/" + CHANGAN + "/resend").with(as(users, who)).with(csrf())
                    .param("edition", "changan-district-monthly").param("recipient", "mzj@changan.sjz.example"))
                    .andReturn().getResponse().getStatus()).as(who).isEqualTo(403);
        }
        assertThat(mvc.perform(post("/reports/" + PERIOD + "/" + CHANGAN + "/resend").with(as(users, "operator-otherDistrict"))
                .with(csrf()).param("edition", "changan-district-monthly").param("recipient", "mzj@changan.sjz.example"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(state("changan-district-monthly")).isEqualTo("sending");
        verify(reportRun, never()).run(PERIOD);

        MvcResult resent = mvc.perform(post("/reports/" + PERIOD + "/" + CHANGAN + "/resend")
                .with(as(users, "operator-district")).with(csrf()).param("edition", "changan-district-monthly")
                .param("recipient", "mzj@changan.sjz.example")).andReturn();
        assertThat(resent.getResponse().getStatus()).isEqualTo(302);
        assertThat(state("changan-district-monthly")).isEqualTo("failed");
        assertThat(state("qiaoxi-district-monthly")).isEqualTo("sent");
        verify(reportRun, timeout(5000)).run(PERIOD);

        MvcResult again = mvc.perform(post("/reports/" + PERIOD + "/" + CHANGAN + "/resend")
                .with(as(users, "operator-district")).with(csrf()).param("edition", "changan-district-monthly")
                .param("recipient", "mzj@changan.sjz.example")).andReturn();
        assertThat(again.getFlashMap().get("notice").toString()).contains("没有重发");
    }

    private void edition(String scope, String title) throws Exception {
        Path folder = paths.reports().resolve(PERIOD).resolve(scope);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(title + ".pdf"), "%PDF " + scope);
        Files.writeString(folder.resolve("kpis.json"), "{}");
        Files.writeString(folder.resolve("kpis.csv"), "indicator,value\n");
    }

    private void log(String edition, String recipient, String state) {
        jdbc.update("""
                INSERT INTO delivery_log (edition, period, recipient, state, claim, node, attempts, reserved_at, sent_at)
                VALUES (?, ?, ?, ?, UUID(), 'test', 1, NOW(6), CASE WHEN ? = 'sent' THEN NOW(6) END)""",
                edition, PERIOD, recipient, state, state);
    }

    private String state(String edition) {
        return jdbc.queryForObject("SELECT state FROM delivery_log WHERE edition = ? AND period = ?", String.class,
                edition, PERIOD);
    }

    private int status(String who, String path) throws Exception {
        return mvc.perform(get(path).with(as(users, who))).andReturn().getResponse().getStatus();
    }

    private String page(String who, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as(users, who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + " " + who).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
