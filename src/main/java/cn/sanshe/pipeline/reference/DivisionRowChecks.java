package cn.sanshe.pipeline.reference;

import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The checks one line can answer by itself: a 12-digit code whose shape matches its level, a
 * parent that is the code's structural parent, urban/rural on communities only. Every problem of
 * the line is collected, not just the first.
 */
class DivisionRowChecks implements ItemProcessor<DivisionRow, DivisionRow> {

    @Override
    public DivisionRow process(DivisionRow row) {
        if (!row.problems().isEmpty()) {
            return row;
        }
        List<String> problems = new ArrayList<>();
        String code = row.code();
        boolean codeOk = DivisionCode.isTwelveDigits(code);
        if (!codeOk) {
            problems.add("代码“" + code + "”应为12位数字，实为" + code.length() + "位");
        }
        if (row.name() == null || row.name().isBlank()) {
            problems.add("名称为空");
        } else if (row.name().length() > 100) {
            problems.add("名称超过100个字");
        }
        Level level = DivisionCode.Level.fromId(row.level());
        if (level == Level.NATION) {
            level = null;   // the root is implied by the provinces, never a line of the file
        }
        if (level == null) {
            problems.add("级别“" + row.level() + "”应为 province、city、district、street、community 之一");
        }
        if (codeOk && level != null) {
            Level byShape = DivisionCode.levelOf(code);
            if (byShape != level) {
                problems.add("代码“" + code + "”的形式是" + byShape.id() + "级，与级别“" + level.id() + "”不符");
            } else {
                String expectedParent = DivisionCode.structuralParent(code);
                if (expectedParent != null && !expectedParent.equals(row.parentCode())) {
                    problems.add("上级代码应为" + expectedParent + "，实为“" + nullToEmpty(row.parentCode()) + "”");
                } else if (expectedParent == null && row.parentCode() != null) {
                    problems.add("省级单位不应有上级代码");
                }
            }
        }
        if (level == Level.COMMUNITY && !"urban".equals(row.urbanRural()) && !"rural".equals(row.urbanRural())) {
            problems.add("社区的城乡类型应为 urban 或 rural，实为“" + nullToEmpty(row.urbanRural()) + "”");
        } else if (level != null && level != Level.COMMUNITY && row.urbanRural() != null) {
            problems.add("只有社区级填写城乡类型");
        }
        return problems.isEmpty() ? row : row.withProblems(problems);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
