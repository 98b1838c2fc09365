package cn.sanshe.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrameTests.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every usage and input mistake an operator or a steward makes is answered with exit status 2 and
 * one Chinese line saying what was expected; those that can be seen without the database are
 * answered without starting it (the application is never started: asserted, not timed).
 */
class UsageErrorsTests {

    @TempDir
    Path dir;

    @Test
    void mistakesSeenWithoutTheDatabaseAreOneChineseLineAndExitTwoAndStartNothing() throws Exception {
        Path txt = Files.writeString(dir.resolve("corrections.csv"), "x");
        List<List<String>> mistakes = List.of(
                List.of("no-such-command"),
                List.of("injest"),
                List.of("jobs"),
                List.of("jobs", "show"),
                List.of("jobs", "show", "abc"),
                List.of("jobs", "list", "--limit", "0"),
                List.of("ingest", "--bogus"),
                List.of("ingest", "--period", "2026-1"),
                List.of("ingest", "--period", "2026-13"),
                List.of("ingest", "--inbox", "/nonexistent"),
                List.of("ingest-file", dir.resolve("nofile.csv").toString(), "--period", "2026-10", "--unit", "130102001"),
                List.of("ingest-file", txt.toString(), "--period", "2026-10", "--unit", "13010"),
                List.of("ingest-file", txt.toString(), "--unit", "130102001"),
                List.of("divisions", "load", dir.resolve("nowhere.csv").toString()),
                List.of("export", "rejects", "--out", dir.resolve("r.txt").toString()),
                List.of("export", "rejects", "--out", dir.resolve("r.xlsx").toString(), "--unit", "abc"),
                List.of("export", "accounting", "--out", dir.resolve("a.xlsx").toString()),
                List.of("export", "masters", "--kind", "people", "--out", dir.resolve("m.csv").toString()),
                List.of("export", "masters", "--kind", "org", "--out", dir.resolve("m.xlsx").toString()),
                List.of("export", "lineage", "--kind", "org"),
                List.of("import", "corrections", txt.toString()),
                List.of("import", "corrections", dir.resolve("none.xlsx").toString()),
                List.of("review", "list", "--out", dir.resolve("r.pdf").toString()),
                List.of("review", "merge", "1"),
                List.of("conflicts", "list", "--district", "1301"),
                List.of("reconcile", "--period", "10-2026"),
                List.of("report", "--period", "2026-13", "--scope", "130100"),
                List.of("report", "--period", "2026-10"),
                List.of("deliver", "--period", "2026-1"),
                List.of("demo", "--spring.datasource.url=jdbc:mysql://db.example/sanshe"));
        int starts = ApplicationCommand.applicationStarts();
        for (List<String> mistake : mistakes) {
            Run run = CommandLineFrameTests.run(mistake.toArray(String[]::new));
            String as = String.join(" ", mistake);
            assertThat(run.status()).as(as).isEqualTo(CommandLineFrame.USAGE);
            assertThat(run.out()).as(as).isEmpty();
            assertThat(run.err().strip().lines()).as(as + ": one line\n" + run.err()).hasSize(1);
            assertThat(run.err()).as(as).startsWith("用法错误：").doesNotContain("Exception", "\tat ", "Usage:")
                    .doesNotContainPattern("(?i)invalid value|unknown option|missing required|unmatched argument");
            assertThat(ApplicationCommand.applicationStarts()).as(as + " started the application").isEqualTo(starts);
        }
    }

    @Test
    void theMessagesSayWhatWasExpected() {
        assertThat(CommandLineFrameTests.run("ingest", "--period", "2026-1").err())
                .contains("--period", "yyyy-MM", "2026-1");
        assertThat(CommandLineFrameTests.run("ingest", "--inbox", "/nonexistent").err()).contains("收件箱", "/nonexistent");
        assertThat(CommandLineFrameTests.run("export", "rejects", "--out", "r.txt").err()).contains(".xlsx", ".csv", "r.txt");
        assertThat(CommandLineFrameTests.run("export", "masters", "--kind", "people", "--out", "x.csv").err())
                .contains("org", "worker", "people");
        assertThat(CommandLineFrameTests.run("injest").err()).contains("injest", "ingest");
        assertThat(CommandLineFrameTests.run("export", "lineage", "--kind", "org").err()).contains("缺少必填项", "--out");
        assertThat(CommandLineFrameTests.run("demo", "--spring.datasource.url=jdbc:mysql://db.example/sanshe").err())
                .contains("生产数据库", "--force");
    }

    @Test
    void unknownThingsTheDatabaseKnowsAreUsageErrorsInOneLine() {
        List<List<String>> unknown = List.of(
                List.of("jobs", "show", "99999"),
                List.of("jobs", "restart", "99999"),
                List.of("jobs", "stop", "99999"),
                List.of("report", "--period", "2026-10", "--scope", "990100"),
                List.of("report", "--period", "2026-10", "--scope", "130100", "--profile", "no-such-profile"),
                List.of("schedule", "trigger", "no-such-schedule"));
        for (List<String> command : unknown) {
            Run run = CommandLineFrameTests.run(command.toArray(String[]::new));
            String as = String.join(" ", command);
            assertThat(run.status()).as(as + "\n" + run.err()).isEqualTo(CommandLineFrame.USAGE);
            assertThat(run.err().strip().lines()).as(as + ": one line\n" + run.err()).hasSize(1);
            assertThat(run.err()).as(as).startsWith("用法错误：").doesNotContain("Exception", "\tat ",
                    "Incorrect result size");
            assertThat(run.err()).as(as).containsPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(CommandLineFrameTests.run("jobs", "show", "99999").err()).contains("没有执行号为 99999 的作业");
    }
}
