package cn.sanshe.pipeline.monitor;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Every health indicator of the application (database, scheduler, inbox, mail server when one is
 * configured) as lines for the terminal: what {@code serve} prints on start. With a web server on
 * the classpath the same indicators answer at /actuator/health.
 */
@Component
public class HealthReport {

    private final ApplicationContext context;

    HealthReport(ApplicationContext context) {
        this.context = context;
    }

    public Map<String, Health> check() {
        Map<String, Health> results = new java.util.TreeMap<>();
        context.getBeansOfType(HealthIndicator.class).forEach((name, indicator) ->
                results.put(name.replaceFirst("HealthIndicator$|HealthContributor$", ""), indicator.health()));
        return results;
    }

    /** One line per indicator, in Chinese: {@code 数据库：正常（MariaDB）}, {@code 收件箱：异常（路径 ./inbox，不存在）}. */
    public List<String> lines() {
        return check().entrySet().stream()
                .map(e -> label(e.getKey()) + "：" + status(e.getValue().getStatus().getCode()) + details(e.getValue()))
                .toList();
    }

    private static final Map<String, String> NAMES = Map.of("db", "数据库", "scheduler", "调度器", "inbox", "收件箱",
            "mail", "邮件服务器", "diskSpace", "磁盘空间", "ping", "应用", "ssl", "证书");
    private static final Map<String, String> DETAILS = Map.ofEntries(Map.entry("database", "数据库"),
            Map.entry("path", "路径"), Map.entry("error", "错误"), Map.entry("instance", "节点"),
            Map.entry("clustered", "集群"), Map.entry("jobsExecuted", "已执行"), Map.entry("running", "运行中"),
            Map.entry("free", "可用"), Map.entry("total", "总量"), Map.entry("location", "主机"),
            Map.entry("exists", "存在"));

    private static String label(String name) {
        return NAMES.getOrDefault(name, name);
    }

    private static String status(String code) {
        return switch (code) {
            case "UP" -> "正常";
            case "DOWN" -> "异常";
            case "OUT_OF_SERVICE" -> "停用";
            default -> "未知";
        };
    }

    private static String details(Health health) {
        List<String> parts = new java.util.ArrayList<>();
        health.getDetails().forEach((key, value) -> {
            if (key.equals("validationQuery") || key.equals("threshold") || key.equals("result")) {
                return;
            }
            Object shown = value instanceof Boolean b ? (b ? "是" : "否")
                    : value instanceof Long bytes && (key.equals("free") || key.equals("total"))
                            ? String.format("%.1f GB", bytes / 1e9) : value;
            parts.add(DETAILS.getOrDefault(key, key) + " " + shown);
        });
        return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
    }
}
