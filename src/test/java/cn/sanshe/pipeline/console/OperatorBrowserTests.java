package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.ResourceUtils;

/**
 * Walks in real headless Chromium (the stewards' console's setup) on a 1366×768 window: an
 * operator finds a run that failed on purpose (its file was missing), reads the cause, previews
 * the restart, restarts it and sees it complete (the page follows the run by itself); pauses a
 * schedule and triggers another; opens a missing submission; downloads a report. A district
 * leader then drills from a figure of the district's edition down to the source rows of an
 * organization counted in it. Screenshots under target/console-screenshots/ops-*.
 */
// Quartz keeps one data source per scheduler name in a JVM-wide registry; a command run in this JVM by
// another test (its own context, same scheduler name) re-registers and then closes it. A context of
// this class's own registers it afresh, so the scheduler pages reach a live pool.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorBrowserTests {

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

    @Autowired
    JobControl jobs;

    @Autowired
    @Qualifier("divisionLoadJob")
    Job divisionLoadJob;

    @Autowired
    Scheduler scheduler;

    @Autowired
    PipelineProperties paths;

    @TempDir
    Path dir;

    WebDriver browser;
    int shot;

    @BeforeEach
    void start() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        jdbc.update("DELETE FROM division WHERE code LIKE '98%'");
        users.add("wang", Role.OPERATOR, new Jurisdiction(ConsoleCity.CITY), ConsoleCity.PASSWORD, false);
        users.add("zhao", Role.VIEWER, new Jurisdiction(ConsoleCity.DISTRICT), ConsoleCity.PASSWORD, false);
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
            screenshot("last");
            Files.writeString(SHOTS.resolve("ops-last.txt"), browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText());
            browser.quit();
        }
        OpsTestSupport.forgetTriggers(scheduler);
    }

    @Test
    void anOperatorRestartsAFailedRunStewardsSchedulesAndDownloadsAReportAndALeaderDrillsToSourceRows() throws Exception {
        // A run made to fail on purpose: the division file it names is not there (yet).
        Path file = dir.resolve("区划-补充.csv");
        JobOutcome failed = jobs.run(divisionLoadJob, new JobParametersBuilder().addString("file", file.toString())
                .addString("sha256", "later").addLong("requestedAt", System.nanoTime()).toJobParameters());
        assertThat(failed.succeeded()).isFalse();
        long id = failed.executionId();
        Path folder = paths.reports().resolve(ConsoleCity.PERIOD).resolve("130102000000");
        FileSystemUtils.deleteRecursively(paths.reports());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("石家庄市长安区三社联动监测月报（2026年10月）.pdf"), "%PDF-1.4 test");
        Files.writeString(folder.resolve("kpis.json"), "{}");
        Files.writeString(folder.resolve("kpis.csv"), "indicator\n");

        login("wang");
        open("/runs");
        new Select(browser.findElement(By.name("status"))).selectByValue("FAILED");
        browser.findElement(By.cssSelector("#filters button")).click();
        screenshot("runs-failed");
        browser.findElement(By.xpath("//a[@class='run-link' and text()='" + id + "']")).click();
        assertThat(text("#status")).isEqualTo("失败");
        assertThat(text("#failure-words")).contains("文件被拒收").contains("文件不存在或无法读取").contains(file.toString());
        assertThat(browser.findElement(By.cssSelector("#failure details pre")).isDisplayed()).as("trace folded").isFalse();
        screenshot("run-failed");

        browser.findElement(By.id("restart")).click();
        assertThat(text("#again")).contains("读取区划表").contains("合并区划表");
        screenshot("restart-preview");
        Files.copy(ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath(), file);
        browser.findElement(By.id("confirm")).click();
        assertThat(text("#notice")).contains("已重启为执行");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> b.findElement(By.id("status")).getText().equals("完成"));
        assertThat(text("#steps")).contains("合并区划表");
        screenshot("run-restarted-completed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code LIKE '98%'", Integer.class)).isEqualTo(6);

        open("/schedules");
        assertThat(text("#schedule-nightly-pipeline")).contains("每天 01:30");
        browser.findElement(By.cssSelector("#schedule-nightly-pipeline button.pause")).click();
        assertThat(textSaying("#notice", "已暂停")).contains("已暂停");
        assertThat(text("#schedule-nightly-pipeline .state")).isEqualTo("已暂停");
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("nightly-pipeline", "pipeline")))
                .isEqualTo(Trigger.TriggerState.PAUSED);
        browser.findElement(By.cssSelector("#schedule-monthly-reports button.trigger")).click();
        assertThat(textSaying("#notice", "已请求立即运行计划 monthly-reports")).contains("已请求立即运行计划 monthly-reports");
        screenshot("schedules");

        // A missing submission: 建北街道 never sent S1 (社区基本情况) for October.
        open("/submissions?month=" + ConsoleCity.PERIOD + "&months=1");
        assertThat(text("#cell-130102001-" + ConsoleCity.PERIOD + "-S1")).contains("未报");
        assertThat(text("#cell-130102001-" + ConsoleCity.PERIOD + "-S3")).contains("迟报");
        screenshot("submissions");
        browser.findElement(By.cssSelector("#cell-130102001-" + ConsoleCity.PERIOD + "-S1 a")).click();
        assertThat(text("#missing")).contains("还没有收到任何文件");
        screenshot("submission-missing");

        open("/reports");
        browser.findElement(By.className("edition-link")).click();
        String pdf = browser.findElement(By.cssSelector("a.pdf")).getDomAttribute("href");
        assertThat(new String(download(pdf))).isEqualTo("%PDF-1.4 test");
        screenshot("report");

        // A leader of 长安区 opens a figure's link (the address every figure of the PDF carries).
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        // Signing out is a POST and a redirect; the next sign-in must not race it.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> b.getCurrentUrl().contains("/login"));
        login("zhao");
        open("/explain/" + ConsoleCity.PERIOD + "/130102000000/ORG_COUNT?variant=all");
        assertThat(text("#figure")).contains("数值");
        screenshot("explain-figure");
        browser.findElement(By.xpath("//tr[td[text()='建北街道']]//a[@class='unit-link']")).click();
        assertThat(text("#records")).contains("阳光社区");
        screenshot("explain-unit");
        browser.findElement(By.cssSelector("a.master-link")).click();
        assertThat(text("#sources")).contains("社会组织台账.csv").contains(ConsoleCity.PERIOD).contains("建北街道");
        screenshot("explain-sources");
    }

    private void login(String username) throws Exception {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(ConsoleCity.PASSWORD);
        browser.findElement(By.id("login")).click();
        // The next page opened must carry the new session, so wait for the sign-in's redirect.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> !b.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** The element's text; a page replaced under us (a redirect after a click, an htmx swap) is read again. */
    private String text(String css) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** The element's text once it says {@code expected} (the page after a click may not be there yet). */
    private String textSaying(String css, String expected) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    String text = d.findElement(By.cssSelector(css)).getText();
                    return text.contains(expected) ? text : null;
                });
    }

    private void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(String.format("ops-%02d-%s.png", ++shot, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private byte[] download(String path) throws Exception {
        String cookie = browser.manage().getCookieNamed("SANSHE_SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Cookie", "SANSHE_SESSION=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
