package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Recipient;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.jobs.JobText;
import cn.sanshe.pipeline.reports.PeriodFinality;
import cn.sanshe.pipeline.reports.ReportRenderer;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The monthly and yearly report runs: every configured edition of a final period rendered and
 * mailed to its recipients, each once, and a 更正版 when delivered figures changed since. What
 * the schedules, {@code deliver} and the demo call. A period that is not final is never sent
 * except as a provisional edition an operator asks for.
 */
@Service
public class ReportRun {

    /** How far back the schedules look for final periods still owed to someone, or owed a correction. */
    static final int MONTHS_BACK = 12;

    private final JobControl jobs;
    private final Job reportDeliveryJob;
    private final DeliveryLog deliveryLog;
    private final EditionLog editionLog;
    private final DeliveryProperties properties;
    private final PeriodFinality finality;
    private final ObjectProvider<ReportRenderer> renderer;

    ReportRun(JobControl jobs, Job reportDeliveryJob, DeliveryLog deliveryLog, EditionLog editionLog,
            DeliveryProperties properties, PeriodFinality finality, ObjectProvider<ReportRenderer> renderer) {
        this.jobs = jobs;
        this.reportDeliveryJob = reportDeliveryJob;
        this.deliveryLog = deliveryLog;
        this.editionLog = editionLog;
        this.properties = properties;
        this.finality = finality;
        this.renderer = renderer;
    }

    /** A period none of whose editions may be sent yet: not launched. */
    public static final class NotFinalException extends IllegalStateException {
        NotFinalException(String message) {
            super(message);
        }
    }

    public JobOutcome runMonth(YearMonth month) throws Exception {
        return run(month.toString());
    }

    public JobOutcome runYear(int year) throws Exception {
        return run(Integer.toString(year));
    }

    /**
     * {@code yyyy-MM} or {@code yyyy}: the final editions, and corrections of those delivered.
     *
     * @throws NotFinalException when no edition of the period is final (nothing is sent)
     */
    public JobOutcome run(String period) throws Exception {
        check(period);
        Optional<String> notFinal = notFinal(period);
        if (notFinal.isPresent()) {
            throw new NotFinalException(period + " 尚未截止，不发送：" + notFinal.get()
                    + "。如需让收件人先看预览版，运行 deliver --period " + period + " --provisional");
        }
        return launch(period, "final");
    }

    /** A provisional edition (预览版 · 未截止) of a period that is not final, to every recipient; the final one stays due. */
    public JobOutcome runProvisional(String period) throws Exception {
        check(period);
        if (notFinal(period).isEmpty()) {
            throw new NotFinalException(period + " 已截止：请发送正式版（deliver --period " + period + "，不加 --provisional）");
        }
        return launch(period, "provisional");
    }

    /**
     * What the schedules run: every final period of the cadence among the last {@value #MONTHS_BACK}
     * months (or the last two years) that someone is still owed, or whose inputs changed since its
     * figures were last looked at (a correction may be due). Periods with nothing to do launch no job.
     */
    public List<JobOutcome> runDue(boolean yearly, YearMonth current) throws Exception {
        List<String> periods = new ArrayList<>();
        if (yearly) {
            periods.add(String.valueOf(current.getYear() - 1));
            periods.add(String.valueOf(current.getYear() - 2));
        } else {
            for (int back = MONTHS_BACK; back >= 1; back--) {
                periods.add(current.minusMonths(back).toString());
            }
        }
        List<JobOutcome> outcomes = new ArrayList<>();
        for (String period : periods) {
            if (due(period)) {
                outcomes.add(launch(period, "final"));
            }
        }
        return outcomes;
    }

    /** Whether a run for the period would do anything: a final edition owed, a correction to check or finish. */
    boolean due(String period) {
        LocalDateTime cutoff = null;
        boolean cutoffRead = false;
        for (Edition edition : properties.editions()) {
            if (!edition.covers(period) || finality.notFinal(edition.scope(), period).isPresent()) {
                continue;
            }
            List<String> addresses = edition.recipients().stream().map(Recipient::address).toList();
            if (!deliveryLog.allSent(edition.name(), period, DeliveryLog.FINAL, addresses)) {
                return true;
            }
            Optional<EditionLog.Sent> last = editionLog.latestDelivered(edition.name(), period);
            if (last.isEmpty()) {
                continue;
            }
            List<String> readers = deliveryLog.sentTo(edition.name(), period, DeliveryLog.FINAL);
            if (last.get().correction() > 0 && !deliveryLog.allSent(edition.name(), period, last.get().kind(), readers)) {
                return true;
            }
            if (!cutoffRead) {
                ReportRenderer available = renderer.getIfAvailable();
                cutoff = available == null ? null : available.dataCutoff();
                cutoffRead = true;
            }
            if (cutoff == null || last.get().seen() == null || cutoff.isAfter(last.get().seen())) {
                return true;
            }
        }
        return false;
    }

    /** Why no edition of the period is final, or empty when at least one is. */
    private Optional<String> notFinal(String period) {
        Optional<String> why = Optional.empty();
        boolean any = false;
        for (Edition edition : properties.editions()) {
            if (!edition.covers(period)) {
                continue;
            }
            any = true;
            Optional<String> reason = finality.notFinal(edition.scope(), period);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            why = why.isEmpty() ? reason : why;
        }
        return any ? why : Optional.empty();
    }

    private static void check(String period) {
        if (!period.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
            throw new IllegalArgumentException("报告期须为 yyyy-MM 或 yyyy：" + period);
        }
    }

    private JobOutcome launch(String period, String kind) throws Exception {
        return jobs.run(reportDeliveryJob, new JobParametersBuilder()
                .addString("period", period)
                .addString("kind", kind)
                .addLong("requestedAt", System.currentTimeMillis())
                .toJobParameters());
    }

    /** Lets the uncertain mails of a period go again, once operators know they did not arrive. */
    public int releaseUncertain(String period) {
        return deliveryLog.releaseUncertain(period);
    }

    /** Who has had what for the period, as lines for the terminal. */
    public List<String> status(String period) {
        List<DeliveryLog.Entry> entries = deliveryLog.forPeriod(period);
        // Columns as wide as their longest value (edition names are the operators' own, of any length).
        int editionWidth = entries.stream().mapToInt(e -> JobText.width(e.edition())).max().orElse(0) + 2;
        int recipientWidth = entries.stream().mapToInt(e -> JobText.width(e.recipient())).max().orElse(0) + 2;
        return entries.stream()
                .map(e -> JobText.pad(e.edition(), editionWidth) + JobText.pad(kindLabel(e.kind()), 9)
                        + JobText.pad(e.recipient(), recipientWidth) + String.format("%s 尝试%d次 %s%s",
                        JobText.pad(label(e.state()), 8), e.attempts(),
                        e.sentAt() == null ? "" : "发送于 " + cn.sanshe.pipeline.jobs.JobText.beijing(e.sentAt())
                                + "（北京时间）",
                        e.lastError() == null || "sent".equals(e.state()) ? "" : "  " + e.lastError()))
                .toList();
    }

    private static String kindLabel(String kind) {
        if (kind.startsWith("correction-")) {
            return "更正版" + kind.substring("correction-".length());
        }
        if (kind.equals(Reminders.KIND)) {
            return "催报";
        }
        return kind.startsWith("provisional") ? "预览版" : "正式版";
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
