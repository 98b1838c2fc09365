package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.ValueKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what becomes of one row below a recognised header: skipped (not data), rejected (with
 * every reason, not just the first, so a clerk fixes the row once) or loaded with typed values.
 * Stateless: one instance serves every sheet and thread.
 */
public final class RowValidator {

    public RowValidator() {
    }

    public RowOutcome check(HeaderMatch match, SheetRow row, ValidationContext context) {
        Objects.requireNonNull(context.today(), "today");
        // Codes are checked against the reference, never waved through for want of one.
        Objects.requireNonNull(context.divisions(), "divisions");
        Optional<String> skip = RowSkips.reason(row);
        if (skip.isPresent()) {
            return new RowOutcome.Skipped(skip.get());
        }
        List<String> reasons = new ArrayList<>();
        RowValues values = new RowValues(match.columnIndex(), row);
        for (ColumnSpec column : match.template().columns()) {
            Integer index = match.columnIndex().get(column.id());
            if (index == null) {
                continue;
            }
            String raw = row.cell(index);
            if (raw.isBlank()) {
                values.blank(column.id());
                if (column.required()) {
                    reasons.add(Reasons.missing(column.header()));
                }
                continue;
            }
            CellCheck check = CellRules.check(match.template().id(), column, raw, context);
            values.typed(column.id(), check);
            reasons.addAll(check.problems());
        }
        Optional<ColumnSpec> periodColumn = periodColumn(match);
        YearMonth period = period(periodColumn, values, context);
        reasons.addAll(RowRules.check(match.template(), values, period));
        if (period == null && !periodTypedButInvalid(periodColumn, values)) {
            reasons.add(Reasons.NO_PERIOD);
        }
        if (!reasons.isEmpty()) {
            return new RowOutcome.Rejected(reasons);
        }
        periodColumn.ifPresent(c -> values.put(c.id(), period.toString()));
        return new RowOutcome.Loaded(values.loaded(), period);
    }

    /** The row's own 统计月份 when it has a valid one, else the title's, folder's or operator's. */
    private static YearMonth period(Optional<ColumnSpec> periodColumn, RowValues values, ValidationContext context) {
        return periodColumn.flatMap(c -> values.value(c.id(), YearMonth.class)).orElse(context.fallbackPeriod());
    }

    /** A mistyped 统计月份 already has its reason; "cannot tell" on top would say it twice. */
    private static boolean periodTypedButInvalid(Optional<ColumnSpec> periodColumn, RowValues values) {
        return periodColumn.filter(c -> values.present(c.id())).isPresent();
    }

    private static Optional<ColumnSpec> periodColumn(HeaderMatch match) {
        for (ColumnSpec column : match.template().columns()) {
            if (column.kind() == ValueKind.PERIOD && match.columnIndex().containsKey(column.id())) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
