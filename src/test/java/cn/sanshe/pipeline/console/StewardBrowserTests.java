package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end walks in real headless Chromium (Debian's chromium and chromedriver) on a 1366×768
 * window, against the console on a loopback port: a street steward logs in, corrects a rejected
 * row, sees it loaded and the accounting changed, corrects more through the workbook (preview,
 * apply), merges a review pair and unmerges it, keeps another apart and resolves a conflict; a
 * district steward decides the conflict that spans two streets. Screenshots of every page are kept
 * under target/console-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StewardBrowserTests {

    static final Path SHOTS = Path.of("target/console-screenshots");

    @LocalServerPort
    int port;

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

    WebDriver browser;
    int shot;

    @BeforeEach
    void start() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        users.add("zhang", Role.STEWARD, new Jurisdiction(ConsoleCity.STREET_A), ConsoleCity.PASSWORD, false);
        users.add("liu", Role.STEWARD, new Jurisdiction(ConsoleCity.DISTRICT), ConsoleCity.PASSWORD, false);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            // Where the walk ended, to see what a failure looked like.
            screenshot("last");
            Files.writeString(SHOTS.resolve("last.txt"), browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText());
            browser.quit();
        }
    }

    @Test
    void aStreetStewardWorksThroughTheirQueuesAndTheDistrictDecidesAcrossStreets() throws Exception {
        login("zhang");
        assertThat(text("main")).contains("建北街道").contains("退回记录");
        screenshot("home");

        // Find a rejected row: filter the list by reason, open 赵强's row.
        open("/rejects");
        new Select(browser.findElement(By.name("template"))).selectByValue("S3");
        browser.findElement(By.name("reason")).sendKeys("所属社区代码");
        browser.findElement(By.cssSelector("#filters button")).click();
        // htmx swaps the list in place and puts the filter in the address.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains("template=S3")
                        && driver.findElement(By.id("counts")).getText().contains("共 3 条"));
        assertThat(text("#counts")).contains("共 3 条");
        screenshot("rejects-filtered");
        browser.findElement(By.xpath("//tr[td[contains(., '赵强')]]//a[@class='reject-link']")).click();
        long reject = idInAddress("/rejects/");
        long sheet = jdbc.queryForObject("SELECT sheet_id FROM ingest_reject WHERE id = ?", Long.class, reject);
        int loadedBefore = loaded(sheet);
        screenshot("reject-row");

        // A wrong correction is refused with the reason beside the field; the right one is loaded.
        WebElement community = communityInput();
        community.clear();
        community.sendKeys("130102009999");
        browser.findElement(By.id("save")).click();
        assertThat(text("#still-wrong")).contains("仍有错误");
        assertThat(text("#correct")).contains("所属社区代码");
        screenshot("reject-still-wrong");
        community = communityInput();
        community.clear();
        community.sendKeys("130102001002");
        browser.findElement(By.id("save")).click();
        assertThat(text("#status")).contains("已更正");
        assertThat(text("#staged")).contains("已按原位置入库");
        assertThat(text("#accounting-change")).contains("入库 " + loadedBefore + " → " + (loadedBefore + 1));
        screenshot("reject-corrected");
        assertThat(loaded(sheet)).isEqualTo(loadedBefore + 1);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_reject WHERE id = ?", String.class, reject))
                .isEqualTo("corrected");
        assertThat(jdbc.queryForObject("SELECT community_code FROM stg_s3_worker w JOIN ingest_reject r "
                + "ON r.sheet_id = w.sheet_id AND r.row_no = w.row_no WHERE r.id = ?", String.class, reject))
                .isEqualTo("130102001002");

        // The workbook: download the filter's rejects, fix 孙强's row, upload, preview, apply.
        byte[] workbook = download("/rejects/export?template=S3");
        Path corrected = dir.resolve("退回记录-更正.xlsx");
        Files.write(corrected, fix(workbook, "孙强", "130102001003"));
        open("/rejects/upload");
        screenshot("upload");
        browser.findElement(By.id("file")).sendKeys(corrected.toAbsolutePath().toString());
        browser.findElement(By.id("preview")).click();
        assertThat(text("#preview-counts")).contains("可入库 1 行").contains("未修改 2 行");
        screenshot("upload-preview");
        browser.findElement(By.id("apply")).click();
        assertThat(text("h1")).contains("已按更正工作簿处理");
        screenshot("upload-applied");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE unit_code = ? AND status = 'open'",
                Integer.class, ConsoleCity.STREET_A)).isEqualTo(2);

        // Merge a review pair, then take the merged rows out again from the master's page.
        open("/reviews");
        screenshot("reviews");
        browser.findElement(By.xpath("//tr[td[contains(., '老协会')]]//a[@class='review-link']")).click();
        long pair = idInAddress("/reviews/");
        assertThat(text("#why")).contains("负责人相同").contains("名称相似度");
        screenshot("pair");
        browser.findElement(By.id("merge-reason")).sendKeys("同一协会，名称漏字");
        browser.findElement(By.id("merge")).click();
        assertThat(text("#notice")).contains("已合并");
        assertThat(jdbc.queryForObject("SELECT status FROM org_review WHERE id = ?", String.class, pair)).isEqualTo("merged");
        long keep = jdbc.queryForObject("SELECT master_a FROM org_review WHERE id = ?", Long.class, pair);
        open("/masters/org/" + keep);
        assertThat(browser.findElements(By.cssSelector("input[name=source]"))).hasSize(2);
        screenshot("master-merged");
        browser.findElement(By.xpath("//tr[td[contains(., '阳光社区老协会')]]//input[@name='source']")).click();
        browser.findElement(By.id("unmerge-reason")).sendKeys("合并错了，是两个协会");
        browser.findElement(By.id("unmerge")).click();
        assertThat(text("#notice")).contains("已拆出 1 行");
        assertThat(text("#history")).contains("拆分").contains("合并");
        screenshot("master-unmerged");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, keep)).isOne();

        // Keep another pair apart.
        open("/reviews");
        browser.findElement(By.xpath("//tr[td[contains(., '舞蹈')]]//a[@class='review-link']")).click();
        long other = idInAddress("/reviews/");
        browser.findElement(By.id("apart-reason")).sendKeys("舞蹈队和舞蹈团是两个团体");
        browser.findElement(By.id("apart")).click();
        assertThat(text("#notice")).contains("不是同一组织");
        assertThat(jdbc.queryForObject("SELECT status FROM org_review WHERE id = ?", String.class, other)).isEqualTo("apart");

        // Resolve the street's own conflict; the one across streets is read-only here.
        open("/conflicts");
        screenshot("conflicts");
        long own = ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130102001001、130102001002");
        long across = ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130102001001、130102002001");
        open("/conflicts/" + across);
        assertThat(text("#read-only")).contains("区县数据管理员决定");
        assertThat(browser.findElements(By.id("resolve"))).isEmpty();
        screenshot("conflict-read-only");
        open("/conflicts/" + own);
        screenshot("conflict");
        new Select(browser.findElement(By.id("choice"))).selectByValue("130102001002");
        browser.findElement(By.id("resolve-reason")).sendKeys("已调到金桥社区");
        browser.findElement(By.id("resolve")).click();
        assertThat(text("#notice")).contains("已处理");
        assertThat(jdbc.queryForObject("SELECT chosen_value FROM reconcile_conflict WHERE id = ?", String.class, own))
                .isEqualTo("130102001002");
        open("/history");
        assertThat(text("#history")).contains("更正退回记录").contains("合并").contains("拆分").contains("不是同一组织")
                .contains("处理冲突").contains("zhang");
        screenshot("history");
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        // Signing out is a POST and a redirect; the next sign-in must not race it.
        waitUntil(driver -> driver.getCurrentUrl().contains("/login"));

        // The district steward decides the conflict across the two streets.
        login("liu");
        open("/conflicts/" + across);
        assertThat(browser.findElements(By.id("read-only"))).isEmpty();
        new Select(browser.findElement(By.id("choice"))).selectByValue("130102002001");
        browser.findElement(By.id("resolve-reason")).sendKeys("已调往青园街道康乐社区");
        screenshot("district-conflict");
        browser.findElement(By.id("resolve")).click();
        assertThat(text("#notice")).contains("已处理");
        assertThat(jdbc.queryForObject("SELECT status FROM reconcile_conflict WHERE id = ?", String.class, across))
                .isEqualTo("resolved");
        assertThat(jdbc.queryForObject("SELECT decided_by FROM steward_decision WHERE subject = ?", String.class,
                "conflict " + across)).isEqualTo("liu");
        screenshot("district-conflicts-after");
    }

    private void login(String username) throws Exception {
        open("/login");
        screenshot("login-" + username);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(ConsoleCity.PASSWORD);
        browser.findElement(By.id("login")).click();
        // The next page opened must carry the new session, so wait for the sign-in's redirect.
        waitUntil(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    /** The number the address ends in once a link to one record has been followed. */
    private long idInAddress(String prefix) {
        waitUntil(driver -> driver.getCurrentUrl().matches(".*" + prefix + "\\d+$"));
        return Long.parseLong(browser.getCurrentUrl().replaceAll(".*" + prefix, ""));
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** The element's text; after a click the next page may still be loading, so it is looked for a while. */
    private String text(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(css)).getText());
    }

    private WebElement communityInput() {
        List<WebElement> inputs = browser.findElements(By.name("cell"));
        return inputs.stream().filter(input -> input.getDomAttribute("value") != null
                && input.getDomProperty("value").startsWith("130102")).filter(input -> input.getDomProperty("value")
                .length() == 12).findFirst().orElseThrow();
    }

    private int loaded(long sheet) {
        return jdbc.queryForObject("SELECT rows_loaded FROM ingest_sheet WHERE id = ?", Integer.class, sheet);
    }

    private void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the browser's download link gives, fetched with the browser's session. */
    private byte[] download(String path) throws Exception {
        String cookie = browser.manage().getCookieNamed("SANSHE_SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Cookie", "SANSHE_SESSION=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static byte[] fix(byte[] workbook, String name, String community) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            // The workbook opens with its 说明 sheet; the rows are on the template's sheet.
            Sheet sheet = book.getSheet("S3 社区工作者花名册");
            int nameColumn = -1;
            int communityColumn = -1;
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals("姓名")) {
                    nameColumn = cell.getColumnIndex();
                } else if (cell.getStringCellValue().equals("所属社区代码")) {
                    communityColumn = cell.getColumnIndex();
                }
            }
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(nameColumn).getStringCellValue().equals(name)) {
                    row.removeCell(row.getCell(communityColumn));
                    row.createCell(communityColumn).setCellValue(community);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
