package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void describesRowsRateAndEtaWhenTheTotalIsKnown() {
        Progress progress = new Progress("花名册", 1_000, new PrintStream(new ByteArrayOutputStream()), false);

        assertThat(progress.describe(250, 5_000_000_000L))
                .isEqualTo("花名册: 250 行 / 1,000 (25%), 50 行/秒, 用时 5 秒, 预计还需 15 秒");
        assertThat(progress.describe(10, 1_000_000_000L)).isEqualTo("花名册: 10 行 / 1,000 (1%), 10 行/秒, 用时 1 秒, 预计还需 99 秒");
    }

    @Test
    void writesPlainLinesWhenNotOnATerminalAndRewritesTheLineOnOne() {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new Progress("区划表", 0, new PrintStream(plain, true, StandardCharsets.UTF_8), false).finish(212);
        assertThat(plain.toString(StandardCharsets.UTF_8)).startsWith("区划表: 212 行").doesNotContain("\r");

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        new Progress("区划表", 0, new PrintStream(terminal, true, StandardCharsets.UTF_8), true).finish(212);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).startsWith("\r区划表: 212 行");
    }

    @Test
    void countsWhatTheWorkCountsNotAlwaysRows() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Progress("指标 河北省", 0, "个数字", "个/秒", new PrintStream(out, true, StandardCharsets.UTF_8), false).finish(345);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("指标 河北省: 345 个数字, ").contains(" 个/秒, 用时 ")
                .doesNotContain("行");
    }
}
