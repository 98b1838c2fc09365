package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.reconcile.conflict.ConflictKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every decision of the jurisdiction — who, when, what, why — newest first, filterable; and how a
 * decision reads for people (pages call it as {@code @decisionHistory}): the record it was about by
 * name and link, its detail with names for codes.
 */
@Service
public class DecisionHistory {

    public static final int PAGE_SIZE = 50;

    private static final Pattern SUBJECT = Pattern.compile("(reject|review|conflict|master) (\\d+)");
    private static final Pattern KIND = Pattern.compile("\\b(" + java.util.Arrays.stream(ConflictKind.values())
            .map(Enum::name).collect(java.util.stream.Collectors.joining("|")) + ")\\b");
    private static final Pattern TEMPLATE = Pattern.compile("(?<![A-Za-z0-9])([SD][1-4])(?![A-Za-z0-9])");
    /** A source row as the command line names it, file:sheet:row. */
    private static final Pattern ROW = Pattern.compile("\\[?([^\\s\\[,:]+\\.(?:xlsx|xls|csv)):([^:\\],]+):(\\d+)\\]?");

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Places places;

    DecisionHistory(JdbcTemplate jdbc, MessageSource messages, Places places) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.places = places;
    }

    /** The record a decision was about, for people: 退回记录 12, 疑似重复 3, 冲突 5, 主记录 7. */
    public String subject(String subject) {
        Matcher matcher = SUBJECT.matcher(subject == null ? "" : subject);
        if (!matcher.matches()) {
            return subject;
        }
        String what = switch (matcher.group(1)) {
            case "reject" -> "退回记录";
            case "review" -> "疑似重复";
            case "conflict" -> "冲突";
            default -> "主记录";
        };
        return what + " " + matcher.group(2);
    }

    /** Its page, or null. */
    public String subjectPath(String subject) {
        Matcher matcher = SUBJECT.matcher(subject == null ? "" : subject);
        if (!matcher.matches()) {
            return null;
        }
        return switch (matcher.group(1)) {
            case "reject" -> "/rejects/" + matcher.group(2);
            case "review" -> "/reviews/" + matcher.group(2);
            case "conflict" -> "/conflicts/" + matcher.group(2);
            default -> "/masters/org/" + matcher.group(2);
        };
    }

    /** The detail with names for the codes in it: conflict kinds, templates, divisions, source rows. */
    public String detail(String detail) {
        if (detail == null) {
            return "";
        }
        String text = KIND.matcher(detail).replaceAll(found -> Matcher.quoteReplacement(
                messages.getMessage("kind." + found.group(1), null, found.group(1), Locale.SIMPLIFIED_CHINESE)));
        text = TEMPLATE.matcher(text).replaceAll(found -> Matcher.quoteReplacement(
                TemplateId.valueOf(found.group(1)).title()));
        text = ROW.matcher(text).replaceAll(found -> Matcher.quoteReplacement(
                found.group(1) + " 工作表 " + found.group(2) + " 第" + found.group(3) + "行"));
        return places.withNames(text);
    }

    public List<Map<String, Object>> page(Jurisdiction jurisdiction, String action, String who, String from, String to,
            int page) {
        StringBuilder where = new StringBuilder("scope LIKE ?");
        List<Object> args = new ArrayList<>(List.of(jurisdiction.like()));
        if (action != null && !action.isBlank()) {
            where.append(" AND action = ?");
            args.add(action);
        }
        if (who != null && !who.isBlank()) {
            where.append(" AND decided_by = ?");
            args.add(who.strip());
        }
        if (from != null && from.matches("\\d{4}-\\d{2}-\\d{2}")) {
            where.append(" AND decided_at >= ?");
            args.add(from);
        }
        if (to != null && to.matches("\\d{4}-\\d{2}-\\d{2}")) {
            where.append(" AND decided_at < DATE_ADD(?, INTERVAL 1 DAY)");
            args.add(to);
        }
        args.add(PAGE_SIZE);
        args.add(Math.max(page, 0) * PAGE_SIZE);
        return jdbc.queryForList("""
                SELECT id, action, subject, detail, decided_by, reason, scope, master_kind, master_id, decided_at
                FROM steward_decision WHERE %s ORDER BY decided_at DESC, id DESC LIMIT ? OFFSET ?""".formatted(where),
                args.toArray());
    }
}
