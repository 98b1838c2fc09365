package cn.sanshe.pipeline.ingest.validate;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What becomes of one data row: loaded with typed values, rejected with reasons, or skipped. */
public sealed interface RowOutcome {

    /**
     * @param values column id → typed value ({@code String}, {@code Long}, {@code BigDecimal},
     *               {@code LocalDate}, {@code Integer} for years, {@code Boolean}); absent or
     *               null when the clerk left an optional cell blank
     * @param period the reporting period the row belongs to
     */
    record Loaded(Map<String, Object> values, YearMonth period) implements RowOutcome {
    }

    /** @param reasons every reason the row fails, in Chinese, each naming its column */
    record Rejected(List<String> reasons) implements RowOutcome {
    }

    /** @param reason why the row is not data (合计 row, signature line, blank row) */
    record Skipped(String reason) implements RowOutcome {
    }
}
