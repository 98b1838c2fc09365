package cn.sanshe.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.jobs.JobOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report run renders a period's editions ahead on a pool (here three at once): each edition
 * rendered once, on more than one thread, recorded with its runs, and mailed once to each of its
 * readers in the editions' order; a second run renders and sends nothing.
 */
@SpringBootTest(properties = {
    "pipeline.delivery.parallel-editions=3",
    "pipeline.outbox=target/test-work/render-ahead/outbox",
    "pipeline.delivery.editions[0].name=city-monthly",
    "pipeline.delivery.editions[0].scope=130100000000",
    "pipeline.delivery.editions[0].recipients[0].address=city@test.local",
    "pipeline.delivery.editions[1].name=changan-monthly",
    "pipeline.delivery.editions[1].scope=130102000000",
    "pipeline.delivery.editions[1].recipients[0].address=changan@test.local",
    "pipeline.delivery.editions[2].name=qiaoxi-monthly",
    "pipeline.delivery.editions[2].scope=130104000000",
    "pipeline.delivery.editions[2].recipients[0].address=qiaoxi@test.local",
    "pipeline.delivery.editions[2].recipients[1].address=qiaoxi-2@test.local",
    "pipeline.delivery.editions[3].name=xinhua-monthly",
    "pipeline.delivery.editions[3].scope=130105000000",
    "pipeline.delivery.editions[3].recipients[0].address=xinhua@test.local",
    "pipeline.delivery.editions[4].name=yuhua-monthly",
    "pipeline.delivery.editions[4].scope=130108000000",
    "pipeline.delivery.editions[4].recipients[0].address=yuhua@test.local",
    "pipeline.delivery.editions[5].name=yuhua-monthly-copy",
    "pipeline.delivery.editions[5].scope=130108000000",
    "pipeline.delivery.editions[5].recipients[0].address=yuhua-copy@test.local",
    "pipeline.delivery.editions[6].name=city-yearly",
    "pipeline.delivery.editions[6].cadence=yearly",
    "pipeline.delivery.editions[6].scope=130100000000",
    "pipeline.delivery.editions[6].recipients[0].address=yearly@test.local"})
class EditionsRenderedAheadIntegrationTests {

    static final Path OUTBOX = Path.of("target/test-work/render-ahead/outbox");

    @TestConfiguration
    static class Support {

        @Bean
        @Primary
        FakeRenderer fakeRenderer() {
            return new FakeRenderer(Path.of("target/test-work/render-ahead/reports"));
        }

        /** Mid-2027: October 2026 is final. */
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2027-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    ReportRun reports;

    @Autowired
    FakeRenderer renderer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEditionRenderedOnceOnThePoolAndMailedOnceInOrder() throws Exception {
        jdbc.update("DELETE FROM delivery_log");
        jdbc.update("DELETE FROM edition_sent");
        if (Files.exists(OUTBOX.getParent())) {
            try (Stream<Path> old = Files.walk(OUTBOX.getParent())) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        JobOutcome first = reports.runMonth(YearMonth.of(2026, 10));

        assertThat(first.succeeded()).isTrue();
        assertThat(renderer.renders.get()).isEqualTo(6);
        assertThat(renderer.threads).filteredOn(name -> name.startsWith("editions-")).hasSizeGreaterThan(1);
        assertThat(jdbc.queryForList("SELECT edition FROM edition_sent WHERE period = '2026-10' AND kind = 'final' "
                + "ORDER BY edition", String.class)).containsExactly("changan-monthly", "city-monthly",
                "qiaoxi-monthly", "xinhua-monthly", "yuhua-monthly", "yuhua-monthly-copy");
        // the mails in the editions' order, each reader once
        assertThat(jdbc.queryForList("SELECT recipient FROM delivery_log WHERE period = '2026-10' AND state = 'sent' "
                + "ORDER BY id", String.class)).containsExactly("city@test.local", "changan@test.local",
                "qiaoxi@test.local", "qiaoxi-2@test.local", "xinhua@test.local", "yuhua@test.local",
                "yuhua-copy@test.local");
        try (Stream<Path> mails = Files.walk(OUTBOX)) {
            assertThat(mails.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(7);
        }

        JobOutcome second = reports.runMonth(YearMonth.of(2026, 10));

        assertThat(second.succeeded()).isTrue();
        assertThat(renderer.renders.get()).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE period = '2026-10'", Long.class))
                .isEqualTo(7);
        assertThat(List.of(first, second)).allMatch(JobOutcome::succeeded);
    }
}
