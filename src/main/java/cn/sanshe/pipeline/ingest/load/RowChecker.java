package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.validate.DivisionLookup;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import cn.sanshe.pipeline.system.IdentityVault;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates rows, protects their identity numbers and writes a loaded row's staging text; every
 * other item passes through unchanged. Runs on the checking threads of {@link ReadAhead}.
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
            RowOutcome outcome = protectIdentity(validator.check(sheet.match(), row.row(), context));
            byte[] text = outcome instanceof RowOutcome.Loaded loaded
                    ? StagingTable.of(sheet.match().template().id())
                            .textAfterSheetId(row.row().number(), sheet.unitCode(), loaded, vault)
                    : null;
            return row.checked(outcome, text);
        }
        return item;
    }

    /** The identity number is hashed and encrypted here, where rows are checked, not in the writer. */
    private RowOutcome protectIdentity(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Loaded loaded && loaded.values().get(StagingTable.ID_NUMBER) instanceof String id) {
            Map<String, Object> values = new HashMap<>(loaded.values());
            values.put(StagingTable.ID_NUMBER, vault.protect(id));
            return new RowOutcome.Loaded(values, loaded.period());
        }
        return outcome;
    }
}
