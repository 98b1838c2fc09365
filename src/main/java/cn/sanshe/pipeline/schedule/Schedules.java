package cn.sanshe.pipeline.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The operator's handle on the schedules: list, pause, resume, trigger. Everything goes through the
 * shared job store, so a pause made on one machine holds on every node of the cluster.
 */
@Service
public class Schedules {

    private final Scheduler scheduler;
    private final ScheduleRegistrar registrar;
    private final FireLog fires;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    Schedules(Scheduler scheduler, ScheduleRegistrar registrar, FireLog fires, JdbcTemplate jdbc,
            ScheduleProperties properties) {
        this.scheduler = scheduler;
        this.registrar = registrar;
        this.fires = fires;
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    public record Row(String name, String task, String cron, String state, LocalDateTime next, LocalDateTime previous,
            String overlap, String description, String lastOutcome) {
    }

    public record Node(String instance, LocalDateTime lastCheckin, boolean alive) {
    }

    /** Stores the configured schedules (jobs/schedules.yml) in the job store. */
    public void sync() throws SchedulerException {
        registrar.sync();
    }

    public List<Row> list() throws SchedulerException {
        List<Row> rows = new ArrayList<>();
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleRegistrar.GROUP))) {
            Trigger trigger = scheduler.getTrigger(key);
            var job = scheduler.getJobDetail(trigger.getJobKey());
            String last = fires.recent(key.getName(), 1).stream()
                    .map(f -> f.outcome() + " " + f.firedAt().withNano(0).toString().replace('T', ' ') + " @" + f.node())
                    .findFirst().orElse("");
            rows.add(new Row(key.getName(), job.getJobDataMap().getString(ScheduleRegistrar.TASK),
                    trigger instanceof CronTrigger cron ? cron.getCronExpression() : "",
                    scheduler.getTriggerState(key).name(), local(trigger.getNextFireTime()),
                    local(trigger.getPreviousFireTime()),
                    job.getJobClass() == WaitingTaskJob.class ? "wait" : "skip", trigger.getDescription(), last));
        }
        rows.sort(java.util.Comparator.comparing(Row::name));
        return rows;
    }

    /** One firing as the console shows it. */
    public record Fire(LocalDateTime scheduledFor, LocalDateTime firedAt, LocalDateTime finishedAt, String node,
            boolean recovering, String outcome, String detail) {

        /** Fired more than a minute after its time: a misfire that was made up, or a recovery. */
        public boolean late() {
            return scheduledFor != null && firedAt != null && firedAt.isAfter(scheduledFor.plusSeconds(60));
        }
    }

    /** The schedule's last firings, newest first, with the node that ran each. */
    public List<Fire> fires(String name, int limit) throws SchedulerException {
        existing(name);
        return fires.recent(name, limit).stream().map(f -> new Fire(f.scheduledFor(), f.firedAt(), f.finishedAt(),
                f.node(), f.recovering(), f.outcome(), f.detail())).toList();
    }

    /** Misfires of the last 30 days: fire times missed (logged by {@link MisfireLog}) or made up late. */
    public int misfires(String name) {
        Integer count = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM schedule_misfire WHERE schedule = ? AND noted_at >= NOW() - INTERVAL 30 DAY)
                     + (SELECT COUNT(*) FROM schedule_fire WHERE schedule = ? AND fired_at >= NOW() - INTERVAL 30 DAY
                        AND (recovering OR (scheduled_for IS NOT NULL AND fired_at > scheduled_for + INTERVAL 60 SECOND)))""",
                Integer.class, name, name);
        return count == null ? 0 : count;
    }

    public void pause(String name) throws SchedulerException {
        scheduler.pauseJob(existing(name));
    }

    /** A resumed schedule whose fire time passed while paused follows its misfire policy. */
    public void resume(String name) throws SchedulerException {
        scheduler.resumeJob(existing(name));
    }

    /** Asks the cluster to run the schedule now; a serving node picks it up (no overlap, as configured). */
    public void trigger(String name) throws SchedulerException {
        scheduler.triggerJob(existing(name));
    }

    /** The scheduler nodes of the cluster as the job store knows them. */
    public List<Node> nodes() throws SchedulerException {
        long now = System.currentTimeMillis();
        return jdbc.query("""
                SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE
                WHERE SCHED_NAME = ? ORDER BY INSTANCE_NAME""",
                (rs, i) -> new Node(rs.getString(1), local(new Date(rs.getLong(2))),
                        // Quartz itself declares a node dead 7.5 s after a missed check-in.
                        now - rs.getLong(2) <= rs.getLong(3) * 2 + 7_500),
                scheduler.getSchedulerName());
    }

    private JobKey existing(String name) throws SchedulerException {
        JobKey key = JobKey.jobKey(name, ScheduleRegistrar.GROUP);
        if (!scheduler.checkExists(key)) {
            List<String> names = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleRegistrar.GROUP)).stream()
                    .map(JobKey::getName).sorted().toList();
            throw new IllegalArgumentException("没有名为 " + name + " 的计划；现有：" + String.join("、", names));
        }
        return key;
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), zone);
    }
}
