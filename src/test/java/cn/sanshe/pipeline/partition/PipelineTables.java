package cn.sanshe.pipeline.partition;

import cn.sanshe.pipeline.reference.DemoDivisions;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a whole-pipeline run writes, emptied before the next run of a comparison, and the demo city it reads. */
public final class PipelineTables {

    public static final List<String> TABLES = List.of("indicator_value", "indicator_run", "org_review", "master_apart",
            "master_override", "master_field_source", "worker_cert_no", "reconcile_conflict", "steward_decision",
            "org_source", "worker_source", "org_master", "worker_master", "survive_org", "survive_worker",
            "stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker", "stg_s4_street_centre", "stg_d1_org_registry",
            "stg_d2_incubator", "stg_d3_certificate", "ingest_reject", "ingest_sheet", "ingest_drop", "ingest_file");

    private PipelineTables() {
    }

    public static void reset(ConfigurableApplicationContext context, JdbcTemplate jdbc) throws Exception {
        jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
        DemoDivisions.ensure(jdbc, context.getBean(DivisionLoader.class));
    }
}
