package cn.sanshe.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sanshe.pipeline.console.ConsoleUsers;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Role;
import cn.sanshe.pipeline.ingest.IngestFixtures;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.RunLock;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Reminders to streets, the whole job on the embedded MariaDB with mails as .eml files: in the demo
 * city's October, 建北街道 sent S2 and S3, 青园街道 everything, 东里街道 (桥西区, covered by the
 * district's default contact) only S3, every other street nothing. Streets missing templates get
 * exactly one mail per contact listing exactly those; a second run sends nothing; a street that
 * sends late after its reminder is not reminded again; streets without a contact are reported and
 * counted (and operations told once); a month not yet after-days past its end is not reminded; the
 * grid shows 已催报 on the cells a sent reminder asked for, in the user's jurisdiction only. The
 * twin: the outbox cannot be written, the job fails, nothing counts as reminded, and a restart sends.
 */
@SpringBootTest(properties = {
    "pipeline.outbox=target/test-work/reminders-outbox",
    "pipeline.submissions.due-days=5",
    "pipeline.delivery.operations[0]=ops@test.local",
    "pipeline.delivery.retry.attempts=1",
    "pipeline.reminders.after-days=7",
    "pipeline.reminders.months=1",
    "pipeline.reminders.templates=S1,S2,S3,S4",
    "pipeline.reminders.contacts[0].street=130102001",
    "pipeline.reminders.contacts[0].name=建北街道民政科",
    "pipeline.reminders.contacts[0].address=MZK@jianbei.test",
    "pipeline.reminders.contacts[1].street=130102002",
    "pipeline.reminders.contacts[1].name=青园街道民政科",
    "pipeline.reminders.contacts[1].address=mzk@qingyuan.test",
    "pipeline.reminders.district-contacts[0].district=130104",
    "pipeline.reminders.district-contacts[0].name=桥西区民政局",
    "pipeline.reminders.district-contacts[0].address=mzj@qiaoxi.test"})
@Import(StreetRemindersIntegrationTests.TestClock.class)
class StreetRemindersIntegrationTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Path OUTBOX = Path.of("target/test-work/reminders-outbox");
    static final String JIANBEI = "130102001";
    static final String QINGYUAN = "130102002";
    static final String DONGLI = "130104001";

    @Autowired
    Reminders reminders;

    @Autowired
    IngestRun ingest;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    JobControl jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsoleUsers users;

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @TempDir
    Path inbox;

    /** Today in Beijing, as a test sets it. */
    static final class MovableClock extends Clock {

        volatile Instant now = Instant.now();

        void today(LocalDate day) {
            now = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static class TestClock {
        @Bean
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @BeforeEach
    void october() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        jdbc.update("DELETE FROM delivery_log WHERE edition LIKE 'reminder:%'");
        FileSystemUtils.deleteRecursively(OUTBOX);
        write(JIANBEI, "社会组织台账.csv", LEDGER + "阳光社区老年协会,,已备案,社区社会组织,文体活动,王芳,13800001111,130102001001\n");
        write(JIANBEI, "花名册.csv", ROSTER + "张伟,130102198503150011,男,本科,主任,无,,130102001001\n");
        write(QINGYUAN, "社区基本情况.csv", "社区代码,社区名称,户数,常住人口\n130102002001,康乐社区,1200,3500\n");
        write(QINGYUAN, "社会组织台账.csv", LEDGER + "康乐社区读书会,,已备案,社区社会组织,文化,钱七,13500001111,130102002001\n");
        write(QINGYUAN, "花名册.csv", ROSTER + "王刚,130102198504150021,男,本科,社工,无,,130102002001\n");
        write(QINGYUAN, "服务中心.csv", "街道代码,街道名称,是否建成\n130102002,青园街道,是\n");
        write(DONGLI, "花名册.csv", ROSTER + "冯强,130104198506150031,男,本科,社工,无,,130104001001\n");
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        jdbc.update("DELETE FROM console_user WHERE username LIKE 'remind-%'");
        users.add("remind-district", Role.VIEWER, new Jurisdiction("130102"), "remind-test-pw", false);
        users.add("remind-qingyuan", Role.VIEWER, new Jurisdiction(QINGYUAN), "remind-test-pw", false);
        users.add("remind-qiaoxi", Role.VIEWER, new Jurisdiction("130104"), "remind-test-pw", false);
    }

    @Test
    void eachStreetMissingTemplatesGetsOneMailListingThemOnceAndTheGridShowsIt() throws Exception {
        int streets = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street'", Integer.class);
        int qiaoxi = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street' AND code LIKE '130104%'",
                Integer.class);

        // Not yet 7 days after October's end: nobody is reminded.
        clock.today(LocalDate.of(2026, 11, 6));
        Reminders.Run early = reminders.run(null);
        assertThat(early.outcome().succeeded()).isTrue();
        assertThat(early.headline()).contains("未报的街道×月份 0 个").contains("2026-10 未到催报日（2026-11-07 起）");
        assertThat(mails()).isEmpty();
        assertThat(reminders.notYet(OCTOBER)).hasValueSatisfying(why -> assertThat(why).contains("2026-11-07"));

        // The day comes.
        clock.today(LocalDate.of(2026, 11, 7));
        assertThat(reminders.notYet(OCTOBER)).isEmpty();
        List<String> preview = reminders.dryRun(OCTOBER);
        assertThat(preview).contains("2026-10 长安区建北街道 未报 S1、S4 → 建北街道民政科（mzk@jianbei.test）：将发送");
        assertThat(mails()).as("a dry run sends nothing").isEmpty();

        Reminders.Run first = reminders.run(null);
        assertThat(first.outcome().succeeded()).as(first.outcome().describe()).isTrue();
        // 建北 (its own contact) and every street of 桥西区 (the district's contact); 青园 sent everything.
        int expectedMails = 1 + qiaoxi;
        int withoutContact = streets - 2 - qiaoxi;
        assertThat(first.headline()).contains("本次发出催报邮件 " + expectedMails + " 封，此前已发 0 封")
                .contains("无联系人 " + withoutContact + " 个");
        assertThat(first.lines()).contains("2026-10 长安区建北街道 未报 S1、S4 → 建北街道民政科（mzk@jianbei.test）：已发送")
                .noneMatch(line -> line.contains("青园街道"));
        assertThat(reminders.dryRun(OCTOBER))
                .contains("2026-10 长安区广安街道 未报 S1、S2、S3、S4 → 无联系人（在 jobs/reminders.yml 中添加）");
        assertThat(stepCounts(first.outcome())).containsExactly((long) (streets - 1), (long) expectedMails, 0L);

        List<Path> sent = mails();
        assertThat(sent).hasSize(expectedMails + 1);                    // and one to operations
        MimeMessage jianbei = read(OUTBOX.resolve("reminders/2026-10/130102001__mzk@jianbei.test.eml"));
        assertThat(jianbei.getSubject()).isEqualTo("【催报】长安区建北街道：2026年10月尚有2张报表未报送（S1、S4）");
        assertThat(jianbei.getAllRecipients()[0].toString()).contains("mzk@jianbei.test");
        String body = (String) jianbei.getContent();
        assertThat(body).contains("建北街道民政科：").contains("截至 2026年11月7日（北京时间），尚未收到长安区建北街道 2026年10月 的以下报表")
                .contains("S1 社区基本情况表").contains("S4 街道综合服务中心情况")
                .doesNotContain("S2 ").doesNotContain("S3 ")
                .contains("截止日为 2026年11月5日").contains("2026-10/130102001/ 下（2026-10 为报表月份，130102001 为本街道代码")
                .contains("只催报这一次").contains("ops@test.local");
        assertThat(body).doesNotContainPattern("\\d{17}[\\dX]");
        String dongli = (String) read(OUTBOX.resolve("reminders/2026-10/130104001__mzj@qiaoxi.test.eml")).getContent();
        assertThat(dongli).contains("桥西区民政局：").contains("桥西区东里街道").contains("S1 社区基本情况表")
                .contains("S2 社区社会组织台账").contains("S4 街道综合服务中心情况").doesNotContain("S3 ");
        assertThat(Files.exists(OUTBOX.resolve("reminders/2026-10/130102002__mzk@qingyuan.test.eml"))).isFalse();
        Path toOperations = sent.stream().filter(p -> p.getFileName().toString().startsWith("无联系人")).findFirst()
                .orElseThrow();
        String operations = (String) read(toOperations).getContent();
        assertThat(operations).contains("长安区广安街道 未报 S1、S2、S3、S4").contains("jobs/reminders.yml")
                .doesNotContain("建北街道").doesNotContain("东里街道");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE edition LIKE 'reminder:1%' "
                + "AND kind = 'reminder' AND state = 'sent'", Integer.class)).isEqualTo(expectedMails);
        assertThat(jdbc.queryForObject("SELECT templates FROM submission_reminder WHERE street_code = ?", String.class,
                JIANBEI)).isEqualTo("S1,S4");

        // Again the same day (a re-trigger, a second node): nothing is sent.
        Reminders.Run second = reminders.run(OCTOBER);
        assertThat(second.outcome().succeeded()).isTrue();
        assertThat(second.headline()).contains("本次发出催报邮件 0 封，此前已发 " + expectedMails + " 封");
        assertThat(second.lines()).contains("无联系人的街道名单 → 运维（ops@test.local）：名单未变，此前已告知");
        assertThat(mails()).hasSize(expectedMails + 1);

        // 建北 sends S1 late, after its reminder; S4 is still missing, but it was asked once: no second mail.
        write(JIANBEI, "社区基本情况.csv", "社区代码,社区名称,户数,常住人口\n130102001001,阳光社区,1500,4200\n");
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        clock.today(LocalDate.of(2026, 11, 20));
        Reminders.Run later = reminders.run(null);
        assertThat(later.headline()).contains("本次发出催报邮件 0 封，此前已发 " + expectedMails + " 封");
        assertThat(mails()).hasSize(expectedMails + 1);
        assertThat(reminders.dryRun(OCTOBER)).anyMatch(line -> line.startsWith("2026-10 长安区建北街道 未报 S4")
                && line.contains("催报，不再发送"));

        // The grid: 已催报 on the cells the reminders asked for, nowhere else, and only in the user's jurisdiction.
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String district = page(mvc, "remind-district", "/submissions?month=2026-10&months=1");
        Files.writeString(OUTBOX.resolveSibling("reminders-grid.html"), district);    // kept to look at
        assertThat(cell(district, "130102001-2026-10-S1")).contains("迟报").contains("· 已催报 ");
        assertThat(cell(district, "130102001-2026-10-S4")).contains("未报").contains("· 已催报 ");
        assertThat(cell(district, "130102001-2026-10-S2")).doesNotContain("· 已催报");
        assertThat(cell(district, "130102002-2026-10-S1")).doesNotContain("· 已催报");
        assertThat(cell(district, "130102003-2026-10-S1")).contains("未报").doesNotContain("· 已催报");
        assertThat(district).doesNotContain("东里街道");
        String street = page(mvc, "remind-qingyuan", "/submissions?month=2026-10&months=1");
        assertThat(street).doesNotContain("· 已催报").doesNotContain("建北街道");
        assertThat(cell(page(mvc, "remind-qiaoxi", "/submissions?month=2026-10&months=1"), "130104001-2026-10-S2"))
                .contains("· 已催报 ");
        assertThat(page(mvc, "remind-district", "/submissions/130102001/2026-10/S4"))
                .contains("已催报：").contains("向建北街道民政科发出催报邮件");
        assertThat(page(mvc, "remind-district", "/submissions/130102001/2026-10/S2")).doesNotContain("已催报");
    }

    @Test
    void anOutboxThatCannotBeWrittenFailsTheJobAndARestartSendsOnlyWhatIsMissing() throws Exception {
        clock.today(LocalDate.of(2026, 11, 9));
        Files.createDirectories(OUTBOX.getParent());
        Files.writeString(OUTBOX, "not a folder");                      // every mail fails to be written
        Reminders.Run failed;
        try {
            failed = reminders.run(OCTOBER);
        } finally {
            Files.delete(OUTBOX);
        }
        assertThat(failed.outcome().succeeded()).isFalse();
        assertThat(failed.outcome().reason()).contains("封催报邮件未送达")
                .contains("2026-10 长安区建北街道 未报 S1、S4 → mzk@jianbei.test：");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE edition LIKE 'reminder:%' AND state = 'sent'",
                Integer.class)).isZero();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        assertThat(page(mvc, "remind-district", "/submissions?month=2026-10&months=1")).as("nothing went")
                .doesNotContain("· 已催报");

        JobOutcome restarted = jobs.restart(failed.outcome().executionId(), false);
        assertThat(restarted.succeeded()).as(restarted.describe()).isTrue();
        int qiaoxi = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street' AND code LIKE '130104%'",
                Integer.class);
        assertThat(mails()).hasSize(1 + qiaoxi + 1);
        assertThat(cell(page(mvc, "remind-district", "/submissions?month=2026-10&months=1"), "130102001-2026-10-S1"))
                .contains("· 已催报 ");
        assertThat(reminders.run(OCTOBER).headline()).contains("本次发出催报邮件 0 封");
    }

    /**
     * A reminder whose sender died during the SMTP exchange (left "sending" longer than any exchange
     * takes) is reported as uncertain and not sent again, the rest go; once operators know it did
     * not arrive, {@code remind --period 2026-10 --resend-uncertain} sends it.
     */
    @Test
    void anUncertainReminderIsReportedNotResentUntilOperatorsReleaseIt() throws Exception {
        clock.today(LocalDate.of(2026, 11, 9));
        jdbc.update("""
                INSERT INTO delivery_log (edition, period, kind, recipient, state, claim, node, attempts, reserved_at)
                VALUES ('reminder:130102001', '2026-10', 'reminder', 'mzk@jianbei.test', 'sending', UUID(), 'dead-node:1',
                        1, TIMESTAMPADD(HOUR, -1, CURRENT_TIMESTAMP(6)))""");
        jdbc.update("""
                INSERT INTO submission_reminder (delivery_id, street_code, period, templates, contact, composed_at)
                SELECT id, '130102001', '2026-10', 'S1,S4', '建北街道民政科', CURRENT_TIMESTAMP(6) FROM delivery_log
                WHERE edition = 'reminder:130102001'""");

        Reminders.Run uncertain = reminders.run(OCTOBER);
        assertThat(uncertain.outcome().succeeded()).isFalse();
        assertThat(uncertain.outcome().reason()).contains("长安区建北街道").contains("无法确定对方是否已收到")
                .contains("remind --period 2026-10 --resend-uncertain");
        int qiaoxi = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street' AND code LIKE '130104%'",
                Integer.class);
        assertThat(mails()).hasSize(qiaoxi + 1);                        // 桥西区 and operations went; 建北 did not
        List<Path> alerts = mails(OUTBOX.resolve("alerts"));           // and operations were told the job failed
        assertThat(alerts).hasSize(1);
        Files.copy(alerts.get(0), OUTBOX.resolveSibling("reminders-alert.eml"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(read(alerts.get(0)).getSubject()).contains("streetReminderJob");
        assertThat((String) read(alerts.get(0)).getContent()).contains("长安区建北街道").contains("--resend-uncertain");
        assertThat(Files.exists(OUTBOX.resolve("reminders/2026-10/130102001__mzk@jianbei.test.eml"))).isFalse();
        assertThat(reminders.dryRun(OCTOBER)).anyMatch(line -> line.startsWith("2026-10 长安区建北街道")
                && line.contains("发送状态不明"));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        assertThat(cell(page(mvc, "remind-district", "/submissions?month=2026-10&months=1"), "130102001-2026-10-S1"))
                .doesNotContain("· 已催报");
        assertThat(page(mvc, "remind-district", "/submissions/130102001/2026-10/S1")).contains("发送中断，无法确定是否送达");

        assertThat(reminders.releaseUncertain(OCTOBER)).isOne();
        Reminders.Run resent = reminders.run(OCTOBER);
        assertThat(resent.outcome().succeeded()).as(resent.outcome().describe()).isTrue();
        assertThat(resent.headline()).contains("本次发出催报邮件 1 封");
        assertThat(Files.exists(OUTBOX.resolve("reminders/2026-10/130102001__mzk@jianbei.test.eml"))).isTrue();
        assertThat(cell(page(mvc, "remind-district", "/submissions?month=2026-10&months=1"), "130102001-2026-10-S1"))
                .contains("· 已催报 ");
    }

    /**
     * Two runs started at the same instant (a manual remind beside the schedule, two nodes). Spring
     * Batch would make them one job instance and refuse the second in its own words; the run lock
     * refuses it in ours before it starts (or it runs after the first and finds nothing left to
     * send). Either way every reminder goes exactly once.
     */
    @Test
    void twoRunsAtOnceSendEachReminderOnce() throws Exception {
        clock.today(LocalDate.of(2026, 11, 8));
        List<CompletableFuture<Reminders.Run>> both = List.of(CompletableFuture.supplyAsync(() -> run(OCTOBER)),
                CompletableFuture.supplyAsync(() -> run(OCTOBER)));
        int ran = 0;
        for (CompletableFuture<Reminders.Run> one : both) {
            try {
                Reminders.Run run = one.get();
                assertThat(run.outcome().succeeded()).as(run.outcome().describe()).isTrue();
                ran++;
            } catch (ExecutionException refusedAtStart) {
                assertThat(refusedAtStart.getCause().getCause()).isInstanceOf(RunLock.RefusedException.class)
                        .hasMessageContaining("另一个命令正在运行");
            }
        }
        assertThat(ran).isPositive();
        int qiaoxi = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street' AND code LIKE '130104%'",
                Integer.class);
        assertThat(mails()).hasSize(1 + qiaoxi + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE edition LIKE 'reminder:%' AND state = 'sent'",
                Integer.class)).isEqualTo(1 + qiaoxi + 1);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(attempts), 0) FROM delivery_log WHERE edition LIKE 'reminder:%'",
                Integer.class)).as("no mail handed over twice").isEqualTo(1 + qiaoxi + 1);
    }

    private Reminders.Run run(YearMonth month) {
        try {
            return reminders.run(month);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String LEDGER = "组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码\n";
    static final String ROSTER = "姓名,身份证号,性别,学历,职务,社工证等级,证书编号,所属社区代码\n";

    private void write(String unit, String name, String csv) throws IOException {
        Path file = inbox.resolve(OCTOBER.toString()).resolve(unit).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private List<Long> stepCounts(JobOutcome outcome) {
        var step = jobs.execution(outcome.executionId()).getStepExecutions().iterator().next();
        return List.of(step.getReadCount(), step.getWriteCount(), step.getFilterCount());
    }

    /** The reminders and notes to operations written to the outbox (not the failure alerts). */
    private static List<Path> mails() throws IOException {
        return mails(OUTBOX.resolve("reminders"));
    }

    private static List<Path> mails(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private String page(MockMvc mvc, String who, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(users.find(who).orElseThrow()))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String cell(String html, String id) {
        int at = html.indexOf("id=\"cell-" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.lastIndexOf("<td", at);
        return html.substring(start, html.indexOf("</td>", at));
    }
}
