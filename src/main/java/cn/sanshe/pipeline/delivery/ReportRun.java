package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.time.YearMonth;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;

/**
 * The monthly and yearly report runs: every configured edition of the period rendered and mailed
 * to its recipients, each once. What the schedules, {@code deliver} and the demo call.
 */
@Service
public class ReportRun {

    private final JobControl jobs;
    private final Job reportDeliveryJob;
    private final DeliveryLog deliveryLog;

    ReportRun(JobControl jobs, Job reportDeliveryJob, DeliveryLog deliveryLog) {
        this.jobs = jobs;
        this.reportDeliveryJob = reportDeliveryJob;
        this.deliveryLog = deliveryLog;
    }

    public JobOutcome runMonth(YearMonth month) throws Exception {
        return run(month.toString());
    }

    public JobOutcome runYear(int year) throws Exception {
        return run(Integer.toString(year));
    }

    /** {@code yyyy-MM} or {@code yyyy}. */
    public JobOutcome run(String period) throws Exception {
        if (!period.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
            throw new IllegalArgumentException("报告期须为 yyyy-MM 或 yyyy：" + period);
        }
        return jobs.run(reportDeliveryJob, new JobParametersBuilder()
                .addString("period", period)
                .addLong("requestedAt", System.currentTimeMillis())
                .toJobParameters());
    }

    /** Lets the uncertain mails of a period go again, once operators know they did not arrive. */
    public int releaseUncertain(String period) {
        return deliveryLog.releaseUncertain(period);
    }

    /** Who has had what for the period, as lines for the terminal. */
    public List<String> status(String period) {
        return deliveryLog.forPeriod(period).stream()
                .map(e -> String.format("%-20s %-32s %-8s 尝试%d次 %s%s", e.edition(), e.recipient(), label(e.state()),
                        e.attempts(), e.sentAt() == null ? "" : "发送于 " + cn.sanshe.pipeline.jobs.JobText.beijing(e.sentAt())
                                + "（北京时间）",
                        e.lastError() == null || "sent".equals(e.state()) ? "" : "  " + e.lastError()))
                .toList();
    }

    private static String label(String state) {
        return switch (state) {
            case "sent" -> "已发送";
            case "sending" -> "不确定";
            case "failed" -> "失败";
            default -> "发送中";
        };
    }
}
