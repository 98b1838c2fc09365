package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every console page, download and upload preview, rendered for stewards and a leader without the
 * right to see identity numbers, searched — with the log written meanwhile — for any identity
 * number of the data in full: none. Its twin: a user with the right does see them, so the search
 * would find a leak.
 */
@SpringBootTest
class IdentityNumberLeakTests {

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
        ConsoleCity.users(users);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void noPageDownloadOrLogLineShowsAnIdentityNumberInFull() throws Exception {
        Path log = Path.of("target/test.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Map<String, String> seen = new LinkedHashMap<>();
        for (String who : List.of("steward-streetA", "steward-district", "viewer-city", "admin-city", "operator-district")) {
            seen.putAll(everyPage(as(users, who), who));
        }
        // Decisions and corrections, then the pages that show them.
        RequestPostProcessor steward = as(users, "steward-streetA");
        long reject = ConsoleTestSupport.rejects(jdbc, ConsoleCity.STREET_A).get(0);
        MvcResult form = mvc.perform(get("/rejects/" + reject).with(steward)).andReturn();
        List<String> cells = inputs(form.getResponse().getContentAsString(StandardCharsets.UTF_8));
        seen.put("still wrong (reject " + reject + ")", mvc.perform(post("/rejects/" + reject).with(steward).with(csrf())
                .param("cell", cells.toArray(String[]::new))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long pair = ConsoleTestSupport.pairs(jdbc, ConsoleCity.STREET_A).get(0);
        mvc.perform(post("/reviews/" + pair + "/unsure").with(steward).with(csrf()).param("reason", "需要核实"));
        seen.putAll(everyPage(steward, "after"));

        assertThat(seen).hasSizeGreaterThan(30);
        assertThat(seen.keySet()).as("pages that failed").noneMatch(key -> key.matches(".* 5\\d\\d$"));
        for (Map.Entry<String, String> page : seen.entrySet()) {
            for (String id : ConsoleCity.IDENTITY_NUMBERS) {
                assertThat(page.getValue()).as("%s shows %s", page.getKey(), id).doesNotContain(id);
            }
        }
        byte[] bytes = Files.readAllBytes(log);
        String logged = new String(bytes, (int) logStart, bytes.length - (int) logStart, StandardCharsets.UTF_8);
        assertThat(logged).as("the log written while the pages were rendered").contains("steward decision unsure");
        for (String id : ConsoleCity.IDENTITY_NUMBERS) {
            assertThat(logged).as("log").doesNotContain(id);
        }
        System.out.printf("identity numbers searched: %d, in %d pages and downloads, %d log characters: none found%n",
                ConsoleCity.IDENTITY_NUMBERS.size(), seen.size(), logged.length());
    }

    @Test
    void aUserWithTheRightSeesTheNumbersSoTheSearchWouldFindThem() throws Exception {
        users.add("steward-with-right", Role.STEWARD, new Jurisdiction(ConsoleCity.STREET_A), ConsoleCity.PASSWORD, true);
        Map<String, String> seen = everyPage(as(users, "steward-with-right"), "right");
        String all = String.join("\n", seen.values());
        assertThat(ConsoleCity.IDENTITY_NUMBERS.stream().filter(all::contains)).isNotEmpty();
    }

    /** Every page the user can open, the rejects workbook and the preview of it uploaded back. */
    private Map<String, String> everyPage(RequestPostProcessor who, String label) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/", "/rejects", "/rejects?template=S3", "/reviews", "/conflicts",
                "/history", "/rejects/upload", "/users"));
        jdbc.queryForList("SELECT id FROM ingest_reject", Long.class).forEach(id -> paths.add("/rejects/" + id));
        jdbc.queryForList("SELECT id FROM org_review", Long.class).forEach(id -> paths.add("/reviews/" + id));
        jdbc.queryForList("SELECT id FROM org_master", Long.class).forEach(id -> paths.add("/masters/org/" + id));
        jdbc.queryForList("SELECT id FROM reconcile_conflict", Long.class).forEach(id -> paths.add("/conflicts/" + id));
        MockHttpSession session = new MockHttpSession();
        for (String path : paths) {
            MvcResult result = mvc.perform(get(path).with(who).session(session)).andReturn();
            pages.put(label + " " + path + " " + result.getResponse().getStatus(),
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        MvcResult export = mvc.perform(get("/rejects/export").with(who)).andReturn();
        if (export.getResponse().getStatus() == 200) {
            byte[] workbook = export.getResponse().getContentAsByteArray();
            pages.put(label + " rejects workbook", text(workbook));
            MvcResult preview = mvc.perform(multipart("/rejects/upload")
                    .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", changed(workbook)))
                    .with(who).with(csrf()).session(session)).andReturn();
            pages.put(label + " upload preview " + preview.getResponse().getStatus(),
                    preview.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return pages;
    }

    /** The workbook with every 所属社区代码 changed, so each row is checked again. */
    private static byte[] changed(byte[] workbook) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                Row header = sheet.getRow(0);
                for (Cell cell : header) {
                    if (cell.getStringCellValue().equals("所属社区代码")) {
                        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                            Row row = sheet.getRow(r);
                            row.removeCell(row.getCell(cell.getColumnIndex()));
                            row.createCell(cell.getColumnIndex()).setCellValue("130102001003");
                        }
                    }
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] workbook) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    /** The values of the correction form's cells, as the browser would send them back. */
    static List<String> inputs(String html) {
        List<String> values = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("<input name=\"cell\" id=\"cell-\\d+\" size=\"30\"\\s+value=\"([^\"]*)\"").matcher(html);
        while (matcher.find()) {
            values.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
        }
        return values;
    }
}
