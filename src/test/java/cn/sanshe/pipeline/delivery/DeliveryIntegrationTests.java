package cn.sanshe.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dashboards mailed through a real SMTP server in the test (GreenMail): the right readers get the
 * right PDF once, whatever happens to the run — a crash between two sends, a restart, a second
 * run at the same time, an SMTP server that refuses for a while.
 */
@SpringBootTest(properties = {
    "pipeline.delivery.operations[0]=ops@test.local",
    "pipeline.delivery.retry.attempts=6",
    "pipeline.delivery.retry.initial-delay=150ms",
    "pipeline.delivery.retry.multiplier=2",
    "pipeline.delivery.retry.max-delay=1s",
    "pipeline.delivery.lease=0s",
    "pipeline.delivery.editions[0].name=city-monthly",
    "pipeline.delivery.editions[0].cadence=monthly",
    "pipeline.delivery.editions[0].scope=130100000000",
    "pipeline.delivery.editions[0].recipients[0].name=局长",
    "pipeline.delivery.editions[0].recipients[0].address=director@test.local",
    "pipeline.delivery.editions[0].recipients[1].name=社区治理处",
    "pipeline.delivery.editions[0].recipients[1].address=sqzl@test.local",
    "pipeline.delivery.editions[0].recipients[2].address=Analyst@Test.local",
    "pipeline.delivery.editions[1].name=district-monthly",
    "pipeline.delivery.editions[1].scope=130102000000",
    "pipeline.delivery.editions[1].recipients[0].address=changan@test.local",
    "pipeline.delivery.editions[2].name=city-yearly",
    "pipeline.delivery.editions[2].cadence=yearly",
    "pipeline.delivery.editions[2].scope=130100000000",
    "pipeline.delivery.editions[2].recipients[0].address=yearly-only@test.local",
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=2000",
    "spring.mail.properties.mail.smtp.timeout=5000"})
@Import(DeliveryTestSupport.class)
class DeliveryIntegrationTests {

    static final int PORT = freePort();
    static final List<String> CITY = List.of("director@test.local", "sqzl@test.local", "analyst@test.local");
    static final String OPS = "ops@test.local";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    ReportRun reports;

    @Autowired
    JobControl jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FakeRenderer renderer;

    @Autowired
    Deliverer deliverer;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    DeliveryTestSupport.CrashingGateway gateway;

    @Autowired
    DeliveryTestSupport.MovableClock clock;

    GreenMail smtp;

    @BeforeEach
    void cleanSlate() {
        jdbc.update("DELETE FROM delivery_log");
        gateway.crashOnOpen = -1;
        gateway.opens.set(0);
        renderer.renders.set(0);
        renderer.figures = "A";
        renderer.cutoff = java.time.LocalDateTime.of(2026, 11, 1, 2, 0);
        clock.now = DeliveryTestSupport.MovableClock.DEFAULT;
        jdbc.update("DELETE FROM edition_sent");
        smtp = startSmtp();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theRightReadersGetTheRightAttachmentOnce() throws Exception {
        JobOutcome first = reports.runMonth(YearMonth.of(2026, 10));
        JobOutcome second = reports.runMonth(YearMonth.of(2026, 10));

        assertThat(first.succeeded()).isTrue();
        assertThat(second.succeeded()).isTrue();
        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader.keySet()).containsExactlyInAnyOrder("director@test.local", "sqzl@test.local",
                "analyst@test.local", "changan@test.local");
        byReader.values().forEach(mails -> assertThat(mails).hasSize(1));
        // Two editions rendered once each; the second run found everything sent and rendered nothing.
        assertThat(renderer.renders.get()).isEqualTo(2);

        MimeMessage mail = byReader.get("director@test.local").get(0);
        assertThat(mail.getSubject()).isEqualTo("石家庄市三社联动监测月报（2026年10月）");
        BodyPart pdf = attachment(mail);
        assertThat(pdf.getFileName()).isEqualTo("石家庄市三社联动监测月报（2026年10月）.pdf");
        assertThat(MimeUtility.decodeText(new ContentType(pdf.getContentType()).getParameter("name")))
                .isEqualTo("石家庄市三社联动监测月报（2026年10月）.pdf");
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(
                Path.of("target/test-work/reports-fake/2026-10/130100000000/石家庄市三社联动监测月报（2026年10月）.pdf")));
        assertThat(new String(attachment(byReader.get("changan@test.local").get(0)).getInputStream().readAllBytes(),
                "ISO-8859-1")).contains("130102000000");
        String body = text(mail);
        // edition, period, verdict and what moved most; no server path, no internal code
        assertThat(body).contains("局长", "石家庄市三社联动监测月报（2026年10月）", "统计期：2026年10月",
                "达标 1 项 ／ 接近目标 0 项 ／ 未达标 0 项", "较上月变化最大", "社区综合服务设施覆盖率 50.0% → 60.0%")
                .doesNotContain("130100000000", "shijiazhuang-2020", "kpis", "target", "每期每位收件人只发送一次")
                .doesNotContainPattern("\\d{17}[\\dX]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2026-10' AND state = 'sent'",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void aYearlyRunSendsOnlyTheYearlyEdition() throws Exception {
        assertThat(reports.runYear(2026).succeeded()).isTrue();

        assertThat(byRecipient(smtp.getReceivedMessages()).keySet()).containsExactly("yearly-only@test.local");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("石家庄市三社联动监测年报（2026年）");
    }

    @Test
    void aRestartAfterACrashBetweenTwoSendsSendsOnlyTheMissingOnes() throws Exception {
        gateway.crashOnOpen = 2;
        JobOutcome crashed = reports.runMonth(YearMonth.of(2026, 11));

        assertThat(crashed.succeeded()).isFalse();
        assertThat(readersOf(smtp.getReceivedMessages())).containsExactly("director@test.local");
        MimeMessage alert = alertsIn(smtp.getReceivedMessages()).get(0);
        assertThat(alert.getSubject()).contains("reportDeliveryJob").contains(Long.toString(crashed.executionId()));
        assertThat(text(alert)).contains("renderAndDeliverStep").contains("simulated crash")
                .contains("jobs restart " + crashed.executionId());

        JobOutcome restarted = jobs.restart(crashed.executionId(), false);

        assertThat(restarted.succeeded()).isTrue();
        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader.keySet()).containsExactlyInAnyOrder("director@test.local", "sqzl@test.local",
                "analyst@test.local", "changan@test.local");
        byReader.values().forEach(mails -> assertThat(mails).hasSize(1));
    }

    @Test
    void anSmtpServerThatRefusesThenRecoversEndsWithEveryMailDeliveredOnce() throws Exception {
        smtp.stop();
        CompletableFuture<GreenMail> recovered = CompletableFuture.supplyAsync(() -> {
            sleep(1200);
            return startSmtp();
        });

        JobOutcome outcome = reports.runMonth(YearMonth.of(2026, 12));
        smtp = recovered.join();

        assertThat(outcome.succeeded()).isTrue();
        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader).hasSize(4);
        byReader.values().forEach(mails -> assertThat(mails).hasSize(1));
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM delivery_log WHERE period = '2026-12'", Integer.class))
                .isGreaterThan(1);
    }

    @Test
    void anOutageLongerThanTheRetriesFailsTheRunTellsOperatorsAndTheNextRunCatchesUp() throws Exception {
        smtp.stop();
        Path alerts = Path.of("target/test-work/outbox/alerts");

        JobOutcome failed = reports.runMonth(YearMonth.of(2027, 1));

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.reason()).contains("4 封看板邮件未送达");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2027-01' AND state = 'failed'",
                Integer.class)).isEqualTo(4);
        // The mail server is what failed, so the operators' alert waits in the outbox.
        try (var files = Files.list(alerts)) {
            assertThat(files.map(Path::toString)).anyMatch(name -> name.contains("-" + failed.executionId() + ".eml"));
        }

        smtp = startSmtp();
        assertThat(jobs.restart(failed.executionId(), false).succeeded()).isTrue();

        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader).hasSize(4);
        byReader.values().forEach(mails -> assertThat(mails).hasSize(1));
    }

    /**
     * Two nodes delivering the same edition at the same moment (through the deliverer itself: two
     * job launches at one instant collide in Spring Batch's own repository before any mail).
     */
    @Test
    void twoNodesAtOnceSendEachMailOnce() throws Exception {
        DeliveryProperties.Edition edition = properties.editions().get(0);
        var report = renderer.render(new cn.sanshe.pipeline.reports.ReportRequest("2027-02", edition.scope(), null, null));
        CompletableFuture<List<Deliverer.Result>> one = CompletableFuture.supplyAsync(() -> deliver(edition, report));
        CompletableFuture<List<Deliverer.Result>> two = CompletableFuture.supplyAsync(() -> deliver(edition, report));

        List<Deliverer.Result> results = new ArrayList<>(one.join());
        results.addAll(two.join());

        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader.keySet()).containsExactlyInAnyOrderElementsOf(CITY);
        byReader.values().forEach(mails -> assertThat(mails).hasSize(1));
        assertThat(results).filteredOn(r -> r.status() == Deliverer.Status.SENT).hasSize(3);
        assertThat(results).noneMatch(Deliverer.Result::needsOperators);
    }

    private List<Deliverer.Result> deliver(DeliveryProperties.Edition edition, cn.sanshe.pipeline.reports.RenderedReport report) {
        try {
            return deliverer.deliver(edition, "2027-02", report, "石家庄市", new Deliverer.Outage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUncertainMailIsNotSentAgainUntilOperatorsReleaseIt() throws Exception {
        // What a crash in the middle of the SMTP exchange leaves: handed over an hour ago, not known
        // to be accepted. (One handed over a moment ago is another run's, still talking to the server.)
        jdbc.update("""
                INSERT INTO delivery_log (edition, period, recipient, state, claim, node, attempts, reserved_at)
                VALUES ('city-monthly', '2027-03', 'sqzl@test.local', 'sending', 'dead-run', 'gone:1', 1,
                        NOW(6) - INTERVAL 1 HOUR)""");

        JobOutcome outcome = reports.runMonth(YearMonth.of(2027, 3));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.reason()).contains("sqzl@test.local").contains("--resend-uncertain");
        assertThat(readersOf(smtp.getReceivedMessages())).doesNotContain("sqzl@test.local").hasSize(3);

        assertThat(reports.releaseUncertain("2027-03")).isOne();
        assertThat(reports.runMonth(YearMonth.of(2027, 3)).succeeded()).isTrue();
        assertThat(byRecipient(smtp.getReceivedMessages()).get("sqzl@test.local")).hasSize(1);
    }

    /**
     * The schedule sends a month only once it is final: on 2 July (June's grace days not over)
     * June is left alone while the final months before it go out; on 3 July June goes out too,
     * and nothing that was sent is sent again.
     */
    @Test
    void theScheduleDeliversOnlyFinalPeriods() throws Exception {
        clock.today(java.time.LocalDate.of(2027, 7, 2));
        assertThatThrownBy(() -> reports.runMonth(YearMonth.of(2027, 6))).isInstanceOf(ReportRun.NotFinalException.class)
                .hasMessageContaining("2027-06 尚未截止").hasMessageContaining("--provisional");

        List<JobOutcome> first = reports.runDue(false, YearMonth.of(2027, 7));

        assertThat(first).hasSize(12 - 1).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2027-06'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2027-05' AND state = 'sent'",
                Integer.class)).isEqualTo(4);
        int mails = smtp.getReceivedMessages().length;

        clock.today(java.time.LocalDate.of(2027, 7, 3));
        List<JobOutcome> second = reports.runDue(false, YearMonth.of(2027, 7));

        assertThat(second).hasSize(1).allSatisfy(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2027-06' AND state = 'sent'",
                Integer.class)).isEqualTo(4);
        assertThat(smtp.getReceivedMessages()).hasSize(mails + 4);
        assertThat(reports.runDue(false, YearMonth.of(2027, 7))).as("nothing owed, nothing changed").isEmpty();
    }

    /** A 预览版 on request before the period is final: marked, and the final edition still goes out once final. */
    @Test
    void aProvisionalEditionIsMarkedAndDoesNotUseUpTheFinalOne() throws Exception {
        clock.today(java.time.LocalDate.of(2027, 7, 1));

        JobOutcome preview = reports.runProvisional("2027-06");

        assertThat(preview.succeeded()).isTrue();
        Map<String, List<MimeMessage>> previews = byRecipient(smtp.getReceivedMessages());
        assertThat(previews).hasSize(4);
        for (List<MimeMessage> mails : previews.values()) {
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).contains("（预览版·未截止）");
            assertThat(text(mails.get(0))).contains("这是预览版");
            assertThat(attachment(mails.get(0)).getFileName()).contains("预览版·未截止");
        }
        assertThatThrownBy(() -> reports.runMonth(YearMonth.of(2027, 6))).isInstanceOf(ReportRun.NotFinalException.class);

        clock.today(java.time.LocalDate.of(2027, 7, 3));
        assertThatThrownBy(() -> reports.runProvisional("2027-06")).isInstanceOf(ReportRun.NotFinalException.class)
                .hasMessageContaining("已截止");
        assertThat(reports.runMonth(YearMonth.of(2027, 6)).succeeded()).isTrue();

        Map<String, List<MimeMessage>> all = byRecipient(smtp.getReceivedMessages());
        for (List<MimeMessage> mails : all.values()) {
            assertThat(mails).hasSize(2);
            assertThat(mails.get(1).getSubject()).doesNotContain("预览版").endsWith("（2027年6月）");
        }
    }

    /**
     * Figures that change after delivery (a late file) go out once as a 更正版 listing exactly
     * what changed, to the readers of the final edition; the next run sends nothing, and new
     * inputs that change no printed figure send nothing either.
     */
    @Test
    void aCorrectionAfterDeliveryIsSentOnceListingTheChangedFigures() throws Exception {
        assertThat(reports.runMonth(YearMonth.of(2027, 4)).succeeded()).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        renderer.cutoff = renderer.cutoff.plusDays(3);       // a late file loaded, the same figures
        assertThat(reports.runMonth(YearMonth.of(2027, 4)).succeeded()).isTrue();
        assertThat(smtp.getReceivedMessages()).as("inputs changed, no printed figure did").hasSize(4);

        renderer.figures = "B";                               // a steward's correction changes a figure
        renderer.cutoff = renderer.cutoff.plusDays(1);
        assertThat(reports.runMonth(YearMonth.of(2027, 4)).succeeded()).isTrue();

        Map<String, List<MimeMessage>> byReader = byRecipient(smtp.getReceivedMessages());
        assertThat(byReader).hasSize(4);
        for (List<MimeMessage> mails : byReader.values()) {
            assertThat(mails).hasSize(2);
            MimeMessage correction = mails.get(1);
            assertThat(correction.getSubject()).endsWith("（更正版）");
            assertThat(text(correction)).contains("这是更正版", "有 1 项数字已经改变", "石家庄市 社区设施覆盖率：A → B");
            assertThat(correction.getMessageID()).isNotEqualTo(mails.get(0).getMessageID());
        }

        assertThat(reports.runMonth(YearMonth.of(2027, 4)).succeeded()).isTrue();
        assertThat(smtp.getReceivedMessages()).as("a second run sends nothing").hasSize(8);
        assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM delivery_log WHERE period = '2027-04' ORDER BY kind",
                String.class)).containsExactly("correction-1", "final");
    }

    private static Map<String, List<MimeMessage>> byRecipient(MimeMessage[] messages) throws Exception {
        Map<String, List<MimeMessage>> result = new java.util.TreeMap<>();
        for (MimeMessage message : messages) {
            for (Address to : message.getAllRecipients()) {
                String address = ((jakarta.mail.internet.InternetAddress) to).getAddress();
                if (!address.equals(OPS)) {
                    result.computeIfAbsent(address, a -> new ArrayList<>()).add(message);
                }
            }
        }
        return result;
    }

    private static List<String> readersOf(MimeMessage[] messages) throws Exception {
        return new ArrayList<>(byRecipient(messages).keySet());
    }

    private static List<MimeMessage> alertsIn(MimeMessage[] messages) throws Exception {
        List<MimeMessage> alerts = new ArrayList<>();
        for (MimeMessage message : messages) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(OPS))) {
                alerts.add(message);
            }
        }
        return alerts;
    }

    private static BodyPart attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment");
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof Multipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
