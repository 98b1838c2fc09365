package cn.sanshe.pipeline.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure in plain words for an operator — the one wording of the command line ({@link JobOutcome}),
 * the failure mail and the console's runs page: the kind of the innermost cause said in Chinese, and
 * its message ({@code 找不到文件：/srv/inbox/…}). A lost database connection anywhere in the chain
 * reads as such, whatever the innermost cause ({@code 数据库连接中断（Connection refused）}). From the
 * exception itself when it is at hand, else from the stack trace Spring Batch keeps as the exit
 * description (whose first line {@link RootCauseRecorder} makes the words).
 */
public final class FailureWords {

    private FailureWords() {
    }

    /** The words for a failure: its cause chain's kinds and the innermost cause's message. */
    public static String of(Throwable failure) {
        List<String> types = new ArrayList<>();
        boolean connectionLost = false;
        Throwable cause = failure;
        while (true) {
            types.add(cause.getClass().getName());
            connectionLost |= cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException;
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return words(types, cause.getMessage(), connectionLost);
    }

    /** The words for a failure kept as text: the recorded words line, else the trace's innermost cause. */
    static String of(String trace) {
        if (trace == null || trace.isBlank()) {
            return "没有记录失败原因。";
        }
        String[] lines = trace.split("\\R");
        for (String line : lines) {
            if (line.startsWith(RootCauseRecorder.MARK)) {
                String recorded = line.substring(RootCauseRecorder.MARK.length());
                // before the words were recorded, the line held the root cause's class and message
                return javaCause(recorded) ? fromCauseLines(List.of(recorded)) : recorded;
            }
        }
        List<String> causes = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (causes.isEmpty() && !text.isEmpty() && !text.startsWith("at ")) {
                causes.add(text);
            } else if (text.startsWith("Caused by: ")) {
                causes.add(text.substring("Caused by: ".length()));
            }
        }
        if (causes.isEmpty()) {
            return trace.strip();
        }
        return fromCauseLines(causes);
    }

    private static boolean javaCause(String line) {
        return line.matches("[a-z][\\w$]*(\\.[\\w$]+)+(: [\\s\\S]*)?");
    }

    /** {@code Type: message} lines, outermost first. */
    private static String fromCauseLines(List<String> causes) {
        List<String> types = new ArrayList<>();
        String message = null;
        for (String cause : causes) {
            int colon = cause.indexOf(": ");
            types.add(colon < 0 ? cause : cause.substring(0, colon));
            message = colon < 0 ? null : cause.substring(colon + 2);
        }
        return words(types, message, false);
    }

    private static String words(List<String> types, String rawMessage, boolean connectionLost) {
        String message = rawMessage == null ? "" : rawMessage.strip();
        String root = simple(types.get(types.size() - 1));
        if (connectionLost || types.stream().map(FailureWords::simple).anyMatch(FailureWords::connectionLost)) {
            return "数据库连接中断（" + (message.isEmpty() ? root : message) + "）";
        }
        // the innermost cause that has a kind says it (a mail failure whose root is a refused socket)
        String kind = null;
        for (int i = types.size() - 1; i >= 0 && kind == null; i--) {
            kind = kind(simple(types.get(i)));
        }
        if (kind == null) {
            // our own failures say what went wrong in Chinese already; anything else is named as it is
            if (!message.isEmpty() && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                return message;
            }
            kind = "程序出错（" + root + "）";
        }
        return message.isEmpty() ? kind + "。" : kind + "：" + message;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static boolean connectionLost(String type) {
        return switch (type) {
            case "SQLTransientConnectionException", "SQLNonTransientConnectionException", "CommunicationsException",
                 "CannotGetJdbcConnectionException", "DataAccessResourceFailureException" -> true;
            default -> false;
        };
    }

    private static String kind(String type) {
        return switch (type) {
            case "NoSuchFileException", "FileNotFoundException" -> "找不到文件";
            case "AccessDeniedException" -> "没有权限读写文件";
            case "DivisionFileRefusedException", "FileRefusedException" -> "文件被拒收";
            case "DeadlockLoserDataAccessException", "CannotAcquireLockException" -> "数据库锁冲突（可直接重启）";
            case "DataIntegrityViolationException", "SQLIntegrityConstraintViolationException",
                 "DuplicateKeyException" -> "数据违反了数据库约束";
            case "OutOfMemoryError" -> "内存不足";
            case "MailSendException", "MailException", "SMTPSendFailedException" -> "邮件服务器拒绝或不可达";
            case "IOException", "UncheckedIOException" -> "读写文件出错";
            case "IllegalArgumentException", "IllegalStateException" -> "数据或设置不符合要求";
            default -> null;
        };
    }
}
