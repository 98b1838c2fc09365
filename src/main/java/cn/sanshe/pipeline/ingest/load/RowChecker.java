package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.validate.DivisionLookup;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Validates rows; every other item passes through unchanged. */
class RowChecker implements ItemProcessor<IngestItem, IngestItem> {

    private final RowValidator validator = new RowValidator();
    private final DivisionLookup divisions;
    private final LocalDate today;

    RowChecker(DivisionLookup divisions, Clock clock) {
        this.divisions = divisions;
        this.today = LocalDate.now(clock);
    }

    @Override
    public IngestItem process(IngestItem item) {
        if (item instanceof IngestItem.Row row && row.outcome() == null) {
            SheetContext sheet = row.sheet();
            ValidationContext context = new ValidationContext(sheet.period(), today, divisions, sheet.unitCode());
            return row.checked(validator.check(sheet.match(), row.row(), context));
        }
        return item;
    }
}
