package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Starts {@code reconcileJob} and sums up the masters, reviews and conflicts. */
@Service
public class ReconcileRun {

    private final JobControl jobs;
    private final Job reconcileJob;
    private final JdbcTemplate jdbc;

    private final MessageSource messages;

    ReconcileRun(JobControl jobs, Job reconcileJob, JdbcTemplate jdbc, MessageSource messages) {
        this.jobs = jobs;
        this.reconcileJob = reconcileJob;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The conflict kind as the console names it (持证名录中没有所填证书), not its code. */
    private String kindName(String kind) {
        return messages.getMessage("kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Links every staged row not linked before. {@code period} is recorded with the run (what an
     * operator asked for); rows are linked in period order whatever it is, so that a master's
     * history is always read oldest first.
     */
    public JobOutcome run(YearMonth period) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder().addLong("requestedAt", System.currentTimeMillis());
        if (period != null) {
            parameters.addString("period", period.toString());
        }
        return jobs.run(reconcileJob, parameters.toJobParameters());
    }

    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        Map<String, Object> orgs = jdbc.queryForMap("""
                SELECT COUNT(*) AS masters, (SELECT COUNT(*) FROM org_source) AS rows_linked,
                       SUM(reg_status = '已登记') AS registered FROM org_master WHERE merged_into IS NULL""");
        lines.add(String.format("社会组织主记录 %s 个（已登记 %s），来自 %s 行报送", orgs.get("masters"),
                orgs.get("registered") == null ? 0 : orgs.get("registered"), orgs.get("rows_linked")));
        Map<String, Object> workers = jdbc.queryForMap("""
                SELECT COUNT(*) AS masters, (SELECT COUNT(*) FROM worker_source) AS rows_linked,
                       SUM(cert_verified) AS certified FROM worker_master""");
        lines.add(String.format("社区工作者主记录 %s 人（持证已核实 %s），来自 %s 行报送", workers.get("masters"),
                workers.get("certified") == null ? 0 : workers.get("certified"), workers.get("rows_linked")));
        lines.add("待人工判断的疑似重复：" + jdbc.queryForObject("SELECT COUNT(*) FROM org_review WHERE status = 'open'",
                Integer.class) + " 对（review list）");
        jdbc.queryForList("SELECT kind, COUNT(*) AS n FROM reconcile_conflict WHERE status = 'open' GROUP BY kind ORDER BY kind")
                .forEach(row -> lines.add("待处理冲突（" + kindName(String.valueOf(row.get("kind"))) + "）：" + row.get("n")
                        + "（conflicts list）"));
        return lines;
    }
}
