package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.validate.DivisionLookup;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import cn.sanshe.pipeline.system.IdentityVault;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates rows and writes a loaded row's staging text, its identity number hashed, encrypted and
 * masked there (so on these threads, not the writer's); every other item passes through unchanged.
 * Runs on the checking threads of {@link ReadAhead}.
 */
class RowChecker implements ItemProcessor<IngestItem, IngestItem> {

    private final RowValidator validator = new RowValidator();
    private final DivisionLookup divisions;
    private final IdentityVault vault;
    private final LocalDate today;

    RowChecker(DivisionLookup divisions, IdentityVault vault, Clock clock) {
        this.divisions = divisions;
        this.vault = vault;
        this.today = LocalDate.now(clock);
    }

    @Override
    public IngestItem process(IngestItem item) {
        if (item instanceof IngestItem.Row row && row.outcome() == null) {
            SheetContext sheet = row.sheet();
            ValidationContext context = new ValidationContext(sheet.period(), today, divisions, sheet.unitCode());
            RowOutcome outcome = validator.check(sheet.match(), row.row(), context);
            byte[] text = outcome instanceof RowOutcome.Loaded loaded
                    ? StagingTable.of(sheet.match().template().id())
                            .textAfterSheetId(row.row().number(), sheet.unitCode(), loaded, vault)
                    : null;
            return row.checked(outcome, text);
        }
        return item;
    }
}
