package cn.sanshe.pipeline.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * How jobs read for an operator: Chinese statuses and job names, parameters as {@code period=2026-10
 * inbox=…}, and times in Beijing time (the time schedules and PDFs use), always labelled.
 */
public final class JobText {

    /** The zone every time shown to people is in. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * The one mapping of job and step codes to the names people read ({@code job.ingestJob=入库},
     * {@code step.ingestScanStep=扫描收件箱}): the console's message bundle, read here too, so the runs
     * page, the restart preview, {@code jobs list|show} and the failure mail say the same.
     */
    private static final Properties NAMES = names();

    private JobText() {
    }

    public static String status(BatchStatus status) {
        return status == null ? "" : status(status.name());
    }

    public static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "COMPLETED" -> "完成";
            case "STARTING" -> "启动中";
            case "STARTED" -> "运行中";
            case "STOPPING" -> "停止中";
            case "STOPPED" -> "已停止";
            case "FAILED" -> "失败";
            case "ABANDONED" -> "已放弃";
            case "NOOP" -> "无事可做";
            default -> "未知";
        };
    }

    /** {@code 入库（ingestJob）}: the Chinese name, and the name the job repository knows. */
    public static String job(String jobName) {
        String chinese = NAMES.getProperty("job." + jobName);
        return chinese == null ? jobName : chinese + "（" + jobName + "）";
    }

    /** The Chinese name of a job alone ({@code 入库}); the code when it has none. */
    public static String jobName(String jobName) {
        return jobName == null ? "" : NAMES.getProperty("job." + jobName, jobName);
    }

    /**
     * The Chinese name of a step alone ({@code 扫描收件箱}), as the runs page shows it; a partition
     * ({@code ingestDistrictStep:district-130102}) is named by its step; the code when it has none.
     */
    public static String stepName(String stepName) {
        if (stepName == null) {
            return "";
        }
        int colon = stepName.indexOf(':');
        String step = colon < 0 ? stepName : stepName.substring(0, colon);
        return NAMES.getProperty("step." + step, step);
    }

    /**
     * The division a partition is named after: a district partition ({@code district-130102}) its
     * 6-digit code, a scope partition of the indicators ({@code scope-130000000000}, the root
     * {@code scope-000000000000}) its 12-digit code; null for any other partition.
     */
    public static String partitionPlace(String partition) {
        if (partition == null) {
            return null;
        }
        int colon = partition.indexOf(':');
        String name = colon < 0 ? partition : partition.substring(colon + 1);
        if (name.startsWith("district-")) {
            return name.substring("district-".length());
        }
        return name.startsWith("scope-") ? name.substring("scope-".length()) : null;
    }

    /** {@code 扫描收件箱（ingestScanStep）}: for the command line and the failure mail, beside the code. */
    public static String step(String stepName) {
        if (stepName == null) {
            return "";
        }
        String chinese = stepName(stepName);
        int colon = stepName.indexOf(':');
        String step = colon < 0 ? stepName : stepName.substring(0, colon);
        return chinese.equals(step) ? stepName : chinese + "（" + stepName + "）";
    }

    private static Properties names() {
        Properties names = new Properties();
        try (InputStream in = JobText.class.getClassLoader().getResourceAsStream("ops-messages.properties")) {
            if (in != null) {
                names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** A time the job repository recorded (in this machine's zone) in Beijing time, without the label. */
    public static String beijing(LocalDateTime recorded) {
        if (recorded == null) {
            return "";
        }
        return TIME.format(recorded.atZone(ZoneId.systemDefault()).withZoneSameInstant(BEIJING));
    }

    public static String beijing(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(BEIJING));
    }

    /** {@code inbox=/srv/inbox period=2026-10 requestedAt=2026-12-06 13:05:00}: what an operator typed, readable. */
    public static String parameters(JobParameters parameters) {
        return parameters.parameters().stream()
                .sorted(java.util.Comparator.comparing(JobParameter::name))
                .map(JobText::parameter)
                .collect(Collectors.joining(" "));
    }

    private static String parameter(JobParameter<?> parameter) {
        Object value = parameter.value();
        if (parameter.name().equals("requestedAt") && value instanceof Long millis) {
            return "requestedAt=" + beijing(Instant.ofEpochMilli(millis));
        }
        if (value instanceof LocalDateTime time) {
            return parameter.name() + "=" + beijing(time);
        }
        return parameter.name() + "=" + value;
    }

    /** Pads to a display width, counting CJK characters as two columns, so tables line up in a terminal. */
    public static String pad(String text, int width) {
        String value = text == null ? "" : text;
        int shown = width(value);
        return shown >= width ? value : value + " ".repeat(width - shown);
    }

    public static String padLeft(String text, int width) {
        String value = text == null ? "" : text;
        int shown = width(value);
        return shown >= width ? value : " ".repeat(width - shown) + value;
    }

    public static int width(String text) {
        return text.codePoints().map(c -> c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1).sum();
    }
}
