package cn.sanshe.pipeline.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure in plain words for an operator, from the stack trace Spring Batch keeps as a step's
 * exit description: the innermost cause, its kind said in Chinese, and its message.
 */
final class FailureWords {

    private FailureWords() {
    }

    static String of(String trace) {
        if (trace == null || trace.isBlank()) {
            return "没有记录失败原因。";
        }
        List<String> causes = new ArrayList<>();
        String[] lines = trace.split("\\R");
        for (String line : lines) {
            if (line.startsWith(RootCauseRecorder.MARK)) {
                return words(line.substring(RootCauseRecorder.MARK.length()));
            }
        }
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
        return words(causes.get(causes.size() - 1));
    }

    private static String words(String root) {
        int colon = root.indexOf(": ");
        String type = colon < 0 ? root : root.substring(0, colon);
        String message = colon < 0 ? "" : root.substring(colon + 2).strip();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String kind = switch (simple) {
            case "NoSuchFileException", "FileNotFoundException" -> "找不到文件";
            case "AccessDeniedException" -> "没有权限读写文件";
            case "DivisionFileRefusedException", "FileRefusedException" -> "文件被拒收";
            case "SQLTransientConnectionException", "CommunicationsException", "CannotGetJdbcConnectionException",
                 "SQLNonTransientConnectionException" -> "数据库连接不上";
            case "DeadlockLoserDataAccessException", "CannotAcquireLockException" -> "数据库锁冲突（可直接重启）";
            case "DataIntegrityViolationException", "SQLIntegrityConstraintViolationException" -> "数据违反了数据库约束";
            case "OutOfMemoryError" -> "内存不足";
            case "MailSendException", "MailException", "SMTPSendFailedException" -> "邮件服务器拒绝或不可达";
            case "IOException", "UncheckedIOException" -> "读写文件出错";
            case "IllegalArgumentException", "IllegalStateException" -> "数据或设置不符合要求";
            default -> "程序出错（" + simple + "）";
        };
        if (message.isEmpty()) {
            return kind + "。";
        }
        return kind + "：" + message;
    }
}
