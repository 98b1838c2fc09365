package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.identifiers.CodeCheck;
import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A non-blank cell against its column's rule. A present value that fails rejects the row even in
 * an optional column (sources.md: a silently blanked value would be lost).
 */
final class CellRules {

    private CellRules() {
    }

    static CellCheck check(TemplateId template, ColumnSpec column, String raw, ValidationContext context) {
        String header = column.header();
        String typed = raw.strip();
        return switch (column.kind()) {
            case TEXT -> CellCheck.valid(typed);
            case NAME -> name(header, typed);
            case COMMUNITY_CODE -> DivisionRules.community(column, raw, context);
            // S4 is the sending street's own row.
            case STREET_CODE -> DivisionRules.street(column, raw, context, template == TemplateId.S4);
            case DISTRICT_CODE -> DivisionRules.district(column, raw, context);
            case CREDIT_CODE -> code(CreditCode.check(raw));
            // IdentityNumber's reasons never repeat the number: it is personal information.
            case ID_NUMBER -> code(IdentityNumber.check(raw, context.today()));
            case INTEGER -> checked(Values.wholeNumber(raw).filter(n -> n >= 0),
                    () -> Reasons.notWholeNumber(header, typed));
            case DECIMAL -> checked(Values.number(raw).filter(n -> n.signum() >= 0),
                    () -> Reasons.notNumber(header, typed));
            case POSITIVE_DECIMAL -> checked(Values.number(raw).filter(n -> n.compareTo(BigDecimal.ZERO) > 0),
                    () -> Reasons.notPositive(header, typed));
            case DATE -> checked(Values.date(raw).map(Values.TextDate::date), () -> Reasons.notDate(header, typed));
            case PERIOD -> checked(Values.period(raw), () -> Reasons.notPeriod(header, typed));
            case YEAR_OR_DATE -> checked(Values.year(raw), () -> Reasons.notYear(header, typed));
            case PHONE -> Values.isPhone(raw) ? CellCheck.valid(typed) : CellCheck.invalid(Reasons.notPhone(header, typed));
            case YES_NO -> checked(Values.yesNo(raw), () -> Reasons.notYesNo(header, typed));
            case RATING -> Values.isUnrated(raw) ? CellCheck.valid(null)
                    : checked(Values.rating(raw), () -> Reasons.notRating(header, typed));
            case GENDER, URBAN_RURAL, REG_STATUS, REGISTRY_STATUS, ORG_TYPE, EDUCATION, POLITICAL_STATUS, POST,
                    CERT_LEVEL, INCUBATOR_LEVEL -> checked(Vocabulary.canonical(column.kind(), column.vocabulary(), raw),
                    () -> Reasons.notInVocabulary(header, typed, Vocabulary.display(column.kind(), column.vocabulary())));
        };
    }

    private static CellCheck name(String header, String typed) {
        // Clerks pad two-character names to line up with three-character ones: 张  三.
        String name = Values.compact(typed);
        int length = name.codePointCount(0, name.length());
        return length >= 2 && length <= 20 ? CellCheck.valid(name) : CellCheck.invalid(Reasons.badNameLength(header, typed));
    }

    private static CellCheck code(CodeCheck check) {
        return check.isValid() ? CellCheck.valid(check.value()) : CellCheck.invalid(check.problem());
    }

    /** The reason is only written when the value fails: most cells are right, and words cost time. */
    private static CellCheck checked(Optional<?> value, Supplier<String> problem) {
        return value.<CellCheck>map(CellCheck::valid).orElseGet(() -> CellCheck.invalid(problem.get()));
    }
}
