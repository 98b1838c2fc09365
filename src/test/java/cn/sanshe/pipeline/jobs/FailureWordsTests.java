package cn.sanshe.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * One wording of a failure for the command line, the failure mail and the console: from the
 * exception (what {@code JobOutcome} has), from its stack trace (what the console reads back from
 * the job repository) and from the words line {@link RootCauseRecorder} writes, the same text.
 */
class FailureWordsTests {

    @Test
    void aMissingFileReadsTheSameFromTheExceptionItsTraceAndTheRecordedLine() {
        Throwable failure = new IllegalStateException("step failed",
                new java.io.UncheckedIOException(new NoSuchFileException("/srv/inbox/2026-10/130102001/花名册.xlsx")));

        String words = FailureWords.of(failure);

        assertThat(words).isEqualTo("找不到文件：/srv/inbox/2026-10/130102001/花名册.xlsx");
        assertThat(FailureWords.of(trace(failure))).isEqualTo(words);
        assertThat(FailureWords.of(RootCauseRecorder.MARK + words + "\n" + trace(failure))).isEqualTo(words);
        assertThat(FailureWords.of(RootCauseRecorder.MARK + "java.nio.file.NoSuchFileException: "
                + "/srv/inbox/2026-10/130102001/花名册.xlsx")).as("a line recorded before the words were").isEqualTo(words);
    }

    @Test
    void aLostConnectionAnywhereInTheChainReadsAsSuch() {
        Throwable failure = new org.springframework.dao.DataAccessResourceFailureException("could not get connection",
                new SQLNonTransientConnectionException("Connection refused"));

        assertThat(FailureWords.of(failure)).isEqualTo("数据库连接中断（Connection refused）");
        assertThat(FailureWords.of(trace(failure))).isEqualTo("数据库连接中断（Connection refused）");
    }

    @Test
    void ourOwnChineseReasonsAreNotCalledProgramErrorsAndOthersAreNamed() {
        assertThat(FailureWords.of(new RuntimeException("4 封看板邮件未送达"))).isEqualTo("4 封看板邮件未送达");
        assertThat(FailureWords.of(new ArithmeticException("/ by zero"))).isEqualTo("程序出错（ArithmeticException）：/ by zero");
        assertThat(FailureWords.of(new org.springframework.mail.MailSendException("send failed",
                new java.net.ConnectException("Connection refused")))).isEqualTo("邮件服务器拒绝或不可达：Connection refused");
    }

    @Test
    void stepsAndJobsAreNamedAsTheRunsPageNamesThem() {
        assertThat(JobText.stepName("ingestScanStep")).isEqualTo("扫描收件箱");
        assertThat(JobText.stepName("ingestDistrictStep:district-130102")).isEqualTo("区县入库");
        assertThat(JobText.step("divisionCheckStep")).isEqualTo("检查区划表（divisionCheckStep）");
        assertThat(JobText.job("divisionLoadJob")).isEqualTo("区划表导入（divisionLoadJob）");
        assertThat(JobText.stepName("someNewStep")).as("a step without a name keeps its code").isEqualTo("someNewStep");
    }

    private static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
