package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stages single rows outside the load step: a steward's correction joins staging under the
 * sheet and row it was first sent in, so lineage still points at the clerk's original cell.
 */
@Component
public class StagingRows {

    private final BulkLoader bulk;
    private final IdentityVault vault;

    StagingRows(JdbcTemplate jdbc, IdentityVault vault) {
        this.bulk = new BulkLoader(jdbc);
        this.vault = vault;
    }

    public void insert(TemplateId template, long sheetId, int rowNo, String unitCode, RowOutcome.Loaded loaded) {
        StagingTable table = StagingTable.of(template);
        bulk.load(table.table(), table.sqlColumns(), List.<Object[]>of(table.row(sheetId, rowNo, unitCode, loaded, vault)));
    }
}
