package cn.sanshe.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.ResourceUtils;

/** The command line as an operator's script sees it: exit statuses and what is printed. */
class CommandLineFrameTests {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitsZeroWithoutStartingAnything() {
        long started = System.nanoTime();
        Run help = run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("demo", "divisions", "jobs", "退出码", "用法：", "命令：", "显示本帮助并退出")
                .doesNotContain("Usage:", "Show this help");
        // No database is started for help: it answers in well under the embedded server's start-up.
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"demo", "--help"}, {"divisions", "load", "--help"},
            {"jobs", "restart", "--help"}, {"jobs", "list", "--help"}}) {
            Run help = run(command);
            assertThat(help.status()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("用法：").doesNotContain("Usage:");
        }
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(run("no-such-command").status()).isEqualTo(2);
        assertThat(run("jobs").status()).isEqualTo(2);
        assertThat(run("jobs", "show").status()).as("missing ID").isEqualTo(2);
        assertThat(run("jobs", "show", "not-a-number").status()).isEqualTo(2);
        Run missing = run("divisions");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("缺少子命令");
    }

    @Test
    void aStewardDecisionWithoutAReasonIsWrongUsage() {
        Run merge = run("review", "merge", "1");

        assertThat(merge.status()).isEqualTo(2);
        assertThat(merge.err()).contains("--reason");
        assertThat(run("conflicts", "resolve", "1", "--reason", "x").status()).as("missing --choose").isEqualTo(2);
        assertThat(run("export", "masters", "--kind", "people", "--out", "x.csv").status()).isEqualTo(2);
    }

    @Test
    void aStewardDecisionOnSomethingThatDoesNotExistIsWrongUsageInOneLine() {
        Run merge = run("review", "merge", "999999", "--reason", "test");

        assertThat(merge.status()).isEqualTo(2);
        assertThat(merge.err()).contains("没有编号为 999999 的疑似重复");
        assertThat(merge.err().strip().lines()).hasSize(1);
        Run unmerge = run("unmerge", "1", "--rows", "no-colons", "--reason", "test");
        assertThat(unmerge.status()).isEqualTo(2);
        assertThat(unmerge.err()).contains("文件:工作表:行号");
    }

    @Test
    void springSettingsAreToldApartFromCommandOptions() {
        assertThat(CommandLineFrame.isSpringSetting("--spring.datasource.url=jdbc:mysql://db/x")).isTrue();
        assertThat(CommandLineFrame.isSpringSetting("--pipeline.inbox=/srv/inbox")).isTrue();
        assertThat(CommandLineFrame.isSpringSetting("--period=2026-10")).isFalse();
        assertThat(CommandLineFrame.isSpringSetting("--force")).isFalse();
    }

    @Test
    void aRefusedDivisionFileExitsOneWithLineNumbersAndTheRestartCommand() throws Exception {
        Run load = run("divisions", "load",
                ResourceUtils.getFile("classpath:reference/divisions-bad.csv").getPath());

        assertThat(load.status()).isEqualTo(1);
        assertThat(load.out()).contains("第4行：代码“99010200000”应为12位数字", "第6行：代码990100000000重复",
                "失败步骤：检查区划表（divisionCheckStep）", "jobs restart");
    }

    @Test
    void aMissingFileIsWrongUsageAnsweredBeforeAnythingStarts(@TempDir Path dir) {
        int starts = ApplicationCommand.applicationStarts();
        Run load = run("divisions", "load", dir.resolve("nowhere.csv").toString());

        assertThat(load.status()).isEqualTo(2);
        assertThat(load.err()).contains("找不到区划文件");
        assertThat(ApplicationCommand.applicationStarts()).isEqualTo(starts);
    }

    @Test
    void jobsListAndShowDescribeWhatRan() throws Exception {
        Path file = ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath();
        Run load = run("divisions", "load", file.toString());
        assertThat(load.status()).isZero();

        Run list = run("jobs", "list", "--limit", "5");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("区划表导入（divisionLoadJob）", "完成", "开始（北京时间）", "file=")
                .doesNotContain("COMPLETED");

        String id = list.out().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];
        Run show = run("jobs", "show", id);
        assertThat(show.status()).isZero();
        assertThat(show.out()).contains("divisionStageStep", "divisionCheckStep", "divisionMergeStep",
                "（北京时间）", "状态 完成", "file=" + file.toAbsolutePath()).doesNotContain("JobParameter{");
        assertThat(Files.exists(file)).isTrue();
    }
}
