package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.indicators.IndicatorsRun;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.ResourceUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * The operators' pages over HTTP: a run made to fail on purpose (its file is missing), its cause
 * in plain words, the restart preview naming the steps that run again, the restart and its
 * success; an execution left STARTED by a dead process recovered; schedules paused, resumed and
 * triggered; and who may do which.
 */
// Quartz keeps one data source per scheduler name in a JVM-wide registry; a command run in this JVM by
// another test (its own context, same scheduler name) re-registers and then closes it. A context of
// this class's own registers it afresh, so the scheduler pages reach a live pool.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@SpringBootTest
class RunsAndSchedulesConsoleTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    ConsoleUsers users;

    @Autowired
    JobControl jobs;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    @Qualifier("divisionLoadJob")
    Job divisionLoadJob;

    @Autowired
    Scheduler scheduler;

    @Autowired
    IndicatorsRun indicatorsRun;

    @TempDir
    Path dir;

    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        OpsTestSupport.users(jdbc, divisions, users);
        jdbc.update("DELETE FROM division WHERE code LIKE '98%'");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @org.junit.jupiter.api.AfterEach
    void forgetTriggers() throws Exception {
        OpsTestSupport.forgetTriggers(scheduler);
    }

    @Test
    void anOperatorSeesAFailedRunsCauseAndPreviewAndRestartsItToSuccess() throws Exception {
        Path file = dir.resolve("divisions.csv");
        JobOutcome failed = jobs.run(divisionLoadJob, new JobParametersBuilder().addString("file", file.toString())
                .addString("sha256", "missing").addLong("requestedAt", System.nanoTime()).toJobParameters());
        assertThat(failed.succeeded()).isFalse();
        long id = failed.executionId();
        var operator = as(users, "operator-city");

        String list = page(get("/runs").param("status", "FAILED").with(operator));
        assertThat(list).contains("/runs/" + id).contains("区划表导入").contains("失败");
        assertThat(page(get("/runs").param("status", "COMPLETED").param("job", "divisionLoadJob").with(operator)))
                .doesNotContain("/runs/" + id + "\"");

        String run = page(get("/runs/" + id).with(operator));
        assertThat(run).contains("文件被拒收").contains("文件不存在或无法读取").contains(file.toString()).contains("技术细节")
                .contains("读取区划表").contains("id=\"restart\"");

        String preview = page(get("/runs/" + id + "/confirm").param("action", "restart").with(operator));
        assertThat(preview).contains("将再次运行").contains("读取区划表（上次失败")
                .contains("检查区划表（尚未运行过").contains("合并区划表（尚未运行过")
                .contains("将再次读取的文件").contains(file.toString()).doesNotContain("Step")
                .contains("id=\"confirm\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = "
                + "(SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)", Integer.class, id))
                .as("the preview runs nothing").isEqualTo(1);

        Files.copy(ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath(), file);
        MvcResult restarted = mvc.perform(post("/runs/" + id + "/restart").with(operator).with(csrf())).andReturn();
        assertThat(restarted.getResponse().getStatus()).isEqualTo(302);
        String location = restarted.getResponse().getRedirectedUrl();
        long next = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(next).isGreaterThan(id);
        waitUntilDone(next);
        assertThat(jobs.execution(next).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code LIKE '98%'", Integer.class)).isEqualTo(6);
        String done = page(get("/runs/" + next).with(operator));
        assertThat(done).contains("完成").doesNotContain("id=\"failure\"").doesNotContain("id=\"restart\"")
                .doesNotContain("hx-trigger");
        assertThat(page(get("/runs/" + id + "/confirm").param("action", "restart").with(operator)))
                .contains("已有更新的执行").doesNotContain("id=\"confirm\"");
    }

    /** An indicators run's page names its scope partitions by their places, never by codes alone. */
    @Test
    void anIndicatorsRunShowsItsScopesByName() throws Exception {
        IndicatorsRun.Result result = indicatorsRun.run(java.time.YearMonth.of(2026, 10), java.util.List.of(),
                java.util.List.of("130100", "130102"));
        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        var operator = as(users, "operator-city");
        assertThat(page(get("/runs").param("job", "indicatorsJob").with(operator)))
                .contains("/runs/" + result.outcome().executionId()).contains("指标计算");
        assertThat(page(get("/runs/" + result.outcome().executionId()).with(operator)))
                .contains("按范围计算指标").contains("石家庄市").contains("长安区").doesNotContain("scope-130102000000");
    }

    /**
     * Stop, tested: a division file of about 99,000 lines stages in a hundred chunks; once the first
     * chunk is committed an operator stops the run from its page. It ends STOPPED after the chunk in
     * hand, neither check nor merge having run; the restart preview says so in words, and the
     * restart reads only the lines not read before (Spring Batch's saved position), then checks and
     * merges once: every line read exactly once over the two executions, every division loaded.
     */
    @Test
    void anOperatorStopsARunningLoadAndItsRestartRunsOnlyWhatWasLeft() throws Exception {
        Path file = dir.resolve("divisions-large.csv");
        int lines = largeDivisionFile(file);
        var operator = as(users, "operator-city");
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<JobOutcome> run = background.submit(() -> jobs.run(divisionLoadJob,
                    new JobParametersBuilder().addString("file", file.toString()).addString("sha256", "large")
                            .addLong("requestedAt", System.nanoTime()).toJobParameters()));
            long id = 0;
            long read = 0;
            for (int i = 0; i < 6000 && read < 1000; i++) {         // the first chunk committed (at most 2 min)
                Thread.sleep(20);
                id = running(file);
                read = id == 0 ? 0 : read(id, "divisionStageStep");
                assertThat(run.isDone()).as("the load ended before it could be stopped").isFalse();
            }
            assertThat(read).as("the stage step committed a chunk").isGreaterThanOrEqualTo(1000);
            String page = page(get("/runs/" + id).with(operator));
            assertThat(page).contains("运行中").contains("id=\"stop\"").contains("hx-trigger=\"every 2s\"");
            assertThat(page(get("/runs/" + id + "/confirm").param("action", "stop").with(operator)))
                    .contains("将停止").contains("读取区划表").contains("当前数据块提交后停止");

            MvcResult stop = mvc.perform(post("/runs/" + id + "/stop").with(operator).with(csrf())).andReturn();
            assertThat(stop.getResponse().getStatus()).isEqualTo(302);
            assertThat(stop.getFlashMap().get("notice").toString()).contains("已请求停止执行 " + id);
            JobOutcome stopped = run.get(2, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(stopped.status()).isEqualTo(BatchStatus.STOPPED);
            assertThat(jobs.execution(id).getStatus()).isEqualTo(BatchStatus.STOPPED);
            long readBefore = read(id, "divisionStageStep");
            assertThat(stepStatus(id, "divisionStageStep")).isEqualTo("STOPPED");
            assertThat(readBefore).as("stopped part way").isBetween(1000L, (long) lines - 1);
            assertThat(stepStatus(id, "divisionCheckStep")).as("never reached").isNull();
            assertThat(stepStatus(id, "divisionMergeStep")).as("never reached").isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code LIKE '98%'", Integer.class))
                    .as("nothing merged").isZero();
            assertThat(page(get("/runs/" + id).with(operator))).contains("已停止").contains("操作员请求停止")
                    .contains("id=\"restart\"").doesNotContain("hx-trigger");
            assertThat(page(get("/runs/" + id + "/confirm").param("action", "restart").with(operator)))
                    .contains("读取区划表（上次已停止，已读 " + readBefore + " 条")
                    .contains("检查区划表（尚未运行过").contains("合并区划表（尚未运行过").contains(file.toString());

            MvcResult restarted = mvc.perform(post("/runs/" + id + "/restart").with(operator).with(csrf())).andReturn();
            String location = restarted.getResponse().getRedirectedUrl();
            long next = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            assertThat(next).isGreaterThan(id);
            waitUntilDone(next);

            assertThat(jobs.execution(next).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(read(next, "divisionStageStep")).as("only the lines not read before")
                    .isEqualTo(lines - readBefore);
            assertThat(stepStatus(next, "divisionCheckStep")).isEqualTo("COMPLETED");
            assertThat(stepStatus(next, "divisionMergeStep")).isEqualTo("COMPLETED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code LIKE '98%'", Integer.class))
                    .isEqualTo(lines);
            System.out.println("stopped after " + readBefore + " of " + lines + " lines; the restart read "
                    + read(next, "divisionStageStep"));
        } finally {
            background.shutdownNow();
            jdbc.update("DELETE FROM division WHERE code LIKE '98%'");
        }
    }

    /**
     * A partitioned run's preview says which districts run again by name, which stay done, and the
     * files still waiting there with the unit that sent them: an ingest whose 长安区 partition
     * failed and whose 桥西区 partition completed.
     */
    @Test
    void aRestartPreviewNamesTheDistrictsThatRunAgainAndTheirWaitingFiles() throws Exception {
        JobParameters parameters = new JobParametersBuilder().addString("inbox", dir.toString())
                .addLong("requestedAt", System.nanoTime()).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("ingestJob", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        for (String[] step : new String[][] {{"ingestRegistryStep", "COMPLETED"}, {"ingestScanStep", "COMPLETED"},
            {"ingestLoadStep", "FAILED"}, {"ingestDistrictStep:district-130102", "FAILED"},
            {"ingestDistrictStep:district-130104", "COMPLETED"}}) {
            var stepExecution = jobRepository.createStepExecution(step[0], execution);
            stepExecution.setStatus(BatchStatus.valueOf(step[1]));
            stepExecution.setStartTime(LocalDateTime.now());
            stepExecution.setEndTime(LocalDateTime.now());
            jobRepository.update(stepExecution);
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        jobRepository.update(execution);
        String sha = Long.toHexString(System.nanoTime());
        jdbc.update("""
                INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at, status,
                                         received_at) VALUES (?, '2026-10/130102001/花名册-待入库.csv', '130102001', '130102',
                                         '2026-10', 10, 0, 'pending', NOW(6))""", (sha + "0".repeat(64)).substring(0, 64));
        try {
            String preview = page(get("/runs/" + execution.getId() + "/confirm").param("action", "restart")
                    .with(as(users, "operator-city")));
            assertThat(preview).contains("区县入库 · 长安区（上次失败").contains("区县入库 · 桥西区（已完成，不再运行）")
                    .contains("扫描收件箱（已完成，不再运行）").contains("按区县入库（上次失败")
                    .contains("长安区建北街道：2026-10/130102001/花名册-待入库.csv").doesNotContain("district-");
        } finally {
            jdbc.update("DELETE FROM ingest_file WHERE path = '2026-10/130102001/花名册-待入库.csv'");
        }
    }

    /** A province, a city, 99 districts of 999 streets each: every line valid; returns the lines. */
    private static int largeDivisionFile(Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("code,name,level,parent_code,urban_rural\n");
        csv.append("980000000000,样例省,province,,\n980100000000,样例市,city,980000000000,\n");
        int lines = 2;
        for (int d = 1; d <= 99; d++) {
            String district = String.format("9801%02d", d);
            csv.append(district).append("000000,第").append(d).append("区,district,980100000000,\n");
            lines++;
            for (int s = 1; s <= 999; s++) {
                csv.append(district).append(String.format("%03d", s)).append("000,第").append(d).append("区第")
                        .append(s).append("街道,street,").append(district).append("000000,\n");
                lines++;
            }
        }
        Files.writeString(file, csv);
        return lines;
    }

    /** The execution running the load of this file, once it is recorded (else 0). */
    private long running(Path file) {
        List<Long> ids = jdbc.queryForList("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                  ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE p.PARAMETER_NAME = 'file' AND p.PARAMETER_VALUE = ? AND e.STATUS = 'STARTED'""", Long.class,
                file.toString());
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    private long read(long execution, String step) {
        List<Long> counts = jdbc.queryForList("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = ?", Long.class, execution, step);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private String stepStatus(long execution, String step) {
        List<String> status = jdbc.queryForList("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = ?", String.class, execution, step);
        return status.isEmpty() ? null : status.get(0);
    }

    @Test
    void anExecutionLeftStartedByADeadProcessIsRecoveredThenRestartable() throws Exception {
        JobExecution crashed = startedExecution();
        jdbc.update("INSERT INTO job_run_owner (job_execution_id, host, pid, started_at) VALUES (?, ?, ?, NOW(6))",
                crashed.getId(), cn.sanshe.pipeline.jobs.RunOwnerRecorderAccess.host(), deadPid());
        var operator = as(users, "operator-city");

        String run = page(get("/runs/" + crashed.getId()).with(operator));
        assertThat(run).contains("运行中").contains("id=\"recover\"").contains("hx-trigger=\"every 2s\"");
        assertThat(page(get("/runs/" + crashed.getId() + "/progress").with(operator))).contains("id=\"steps\"")
                .doesNotContain("<html");
        assertThat(page(get("/runs/" + crashed.getId() + "/confirm").param("action", "recover").with(operator)))
                .contains("运行它的进程已不在");

        assertThat(mvc.perform(post("/runs/" + crashed.getId() + "/recover").with(operator).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(jobs.execution(crashed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(page(get("/runs/" + crashed.getId()).with(operator))).contains("id=\"restart\"");
    }

    @Test
    void aRecoverOfAnExecutionAnotherNodeMayStillRunIsRefusedUnlessConfirmed() throws Exception {
        JobExecution running = startedExecution();
        jdbc.update("INSERT INTO job_run_owner (job_execution_id, host, pid, started_at) VALUES (?, 'another-node', 4242, NOW(6))",
                running.getId());
        var operator = as(users, "operator-city");

        assertThat(page(get("/runs/" + running.getId() + "/confirm").param("action", "recover").with(operator)))
                .contains("在主机 another-node 上运行");
        assertThat(mvc.perform(post("/runs/" + running.getId() + "/recover").with(operator).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(jobs.execution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        mvc.perform(post("/runs/" + running.getId() + "/recover").param("confirmedStopped", "true").with(operator).with(csrf()));
        assertThat(jobs.execution(running.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void schedulesSayTheirCronInWordsAndArePausedResumedAndTriggered() throws Exception {
        var operator = as(users, "operator-city");
        String list = page(get("/schedules").with(operator));
        assertThat(list).contains("每天 01:30").contains("每天 06:00").contains("每天 07:00")
                .contains("每晚入库并更新主数据").contains("调度节点");

        mvc.perform(post("/schedules/nightly-pipeline/pause").with(operator).with(csrf()));
        assertThat(scheduler.getTriggerState(org.quartz.TriggerKey.triggerKey("nightly-pipeline", "pipeline")))
                .isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(page(get("/schedules").with(operator))).contains("已暂停");
        mvc.perform(post("/schedules/nightly-pipeline/resume").with(operator).with(csrf()));
        assertThat(scheduler.getTriggerState(org.quartz.TriggerKey.triggerKey("nightly-pipeline", "pipeline")))
                .isEqualTo(Trigger.TriggerState.NORMAL);

        int before = scheduler.getTriggersOfJob(JobKey.jobKey("monthly-reports", "pipeline")).size();
        String after = mvc.perform(post("/schedules/monthly-reports/trigger").with(operator).with(csrf())).andReturn()
                .getFlashMap().get("notice").toString();
        assertThat(after).contains("已请求立即运行计划 monthly-reports");
        assertThat(scheduler.getTriggersOfJob(JobKey.jobKey("monthly-reports", "pipeline"))).hasSize(before + 1);
        OpsTestSupport.forgetTriggers(scheduler);
        assertThat(scheduler.getTriggersOfJob(JobKey.jobKey("monthly-reports", "pipeline"))).as("cleaned up").hasSize(before);
        assertThat(mvc.perform(get("/schedules/no-such").with(operator)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyOperatorsAndAdminsSeeRunsAndOnlyCityWideOnesSteerThem() throws Exception {
        JobExecution crashed = startedExecution();
        long id = crashed.getId();
        for (Role role : Role.values()) {
            for (String where : ConsoleCity.JURISDICTIONS.keySet()) {
                var who = as(users, ConsoleCity.userName(role, where));
                boolean operates = role == Role.OPERATOR || role == Role.ADMIN;
                boolean steers = operates && where.equals("city");
                assertThat(status(get("/runs").with(who))).as("%s %s list", role, where).isEqualTo(operates ? 200 : 403);
                assertThat(status(get("/runs/" + id).with(who))).isEqualTo(operates ? 200 : 403);
                assertThat(status(get("/schedules").with(who))).isEqualTo(operates ? 200 : 403);
                assertThat(status(get("/runs/" + id + "/confirm").param("action", "recover").with(who)))
                        .isEqualTo(steers ? 200 : 403);
                assertThat(status(post("/schedules/nightly-pipeline/pause").with(who).with(csrf())))
                        .as("%s %s pause", role, where).isEqualTo(steers ? 302 : 403);
                MvcResult forged = mvc.perform(post("/runs/" + id + "/stop").with(who)).andReturn();
                assertThat(forged.getResponse().getStatus()).as("no CSRF token").isIn(302, 403);
                if (forged.getResponse().getStatus() == 302) {
                    assertThat(forged.getResponse().getRedirectedUrl()).as("no CSRF token").contains("/login");
                }
            }
        }
        assertThat(status(get("/runs/999999999").with(as(users, "operator-city")))).isEqualTo(404);
        assertThat(status(get("/runs"))).as("anonymous").isEqualTo(302);
        assertThat(jobs.execution(id).getStatus()).as("nobody stopped it without a token").isEqualTo(BatchStatus.STARTED);
        mvc.perform(post("/schedules/nightly-pipeline/resume").with(as(users, "operator-city")).with(csrf()));
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void waitUntilDone(long id) throws InterruptedException {
        for (int i = 0; i < 3000 && jobs.execution(id).isRunning(); i++) {
            Thread.sleep(100);
        }
    }

    private JobExecution startedExecution() throws Exception {
        String file = ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").getAbsolutePath();
        JobParameters parameters = new JobParametersBuilder().addString("file", file).addString("sha256", "test")
                .addLong("requestedAt", System.nanoTime()).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("divisionLoadJob", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        return execution;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
