package cn.sanshe.pipeline.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every firing does: log it, run the schedule's task, log how it ended. For schedules whose
 * overlap policy is skip, the run first takes a database lock named after the schedule
 * ({@code GET_LOCK}, held by one connection for the run): a firing that finds it taken, on any
 * node, is logged as skipped. The server releases the lock when the holder's connection dies, so
 * a crashed node never blocks the schedule.
 */
@Component
class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final List<ScheduledTask> tasks;
    private final FireLog fires;
    private final DataSource dataSource;

    TaskRunner(List<ScheduledTask> tasks, FireLog fires, DataSource dataSource) {
        this.tasks = tasks;
        this.fires = fires;
        this.dataSource = dataSource;
    }

    void run(JobExecutionContext context, boolean skipIfRunning) {
        String schedule = context.getJobDetail().getKey().getName();
        String taskName = context.getMergedJobDataMap().getString(ScheduleRegistrar.TASK);
        long fire = fires.started(schedule, taskName, context.getScheduledFireTime(), node(context), context.isRecovering());
        if (!skipIfRunning) {
            execute(fire, schedule, taskName);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "GET_LOCK(?, 0)", schedule)) {
                log.info("schedule {} skipped: its previous run is still going", schedule);
                fires.finished(fire, "skipped", "上一次运行尚未结束，本次跳过");
                return;
            }
            try {
                execute(fire, schedule, taskName);
            } finally {
                lock(connection, "RELEASE_LOCK(?)", schedule);
            }
        } catch (SQLException e) {
            fires.finished(fire, "failed", "数据库锁不可用：" + e.getMessage());
        }
    }

    private void execute(long fire, String schedule, String taskName) {
        ScheduledTask task = tasks.stream().filter(t -> t.name().equals(taskName)).findFirst().orElse(null);
        if (task == null) {
            fires.finished(fire, "failed", "没有名为 " + taskName + " 的任务");
            return;
        }
        try {
            log.info("schedule {} runs {}", schedule, taskName);
            ScheduledTask.Outcome outcome = task.run();
            fires.finished(fire, outcome.succeeded() ? "succeeded" : "failed", outcome.detail());
        } catch (Exception | Error e) {
            log.error("schedule {} failed", schedule, e);
            fires.finished(fire, "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static boolean lock(Connection connection, String function, String schedule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function)) {
            statement.setString(1, "sanshe.schedule." + schedule);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
