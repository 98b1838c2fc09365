package cn.sanshe.pipeline.schedule;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The schedules operators edit in {@code jobs/schedules.yml} ({@code pipeline.schedule}). Keyed by
 * schedule name, so one schedule can be changed for one run with
 * {@code --pipeline.schedule.jobs.nightly-pipeline.cron=...}.
 *
 * @param zone the time zone of every cron expression (Asia/Shanghai)
 */
@ConfigurationProperties("pipeline.schedule")
public record ScheduleProperties(ZoneId zone, Map<String, Schedule> jobs) {

    public ScheduleProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        jobs = jobs == null ? Map.of() : new TreeMap<>(jobs);
        jobs.forEach((name, schedule) -> {
            if (!name.matches("[a-z0-9-]{1,64}")) {
                throw new IllegalArgumentException("pipeline.schedule.jobs: 计划名须为小写字母、数字或 -：" + name);
            }
        });
    }

    /**
     * @param task        what runs: nightly-pipeline, monthly-reports, yearly-reports or street-reminders
     * @param cron        Quartz cron: seconds minutes hours day-of-month month day-of-week
     * @param misfire     a run missed while no node was up: fire-once (run once on start) or skip
     * @param overlap     a firing while the previous run still goes: wait (run after it) or skip
     * @param enabled     false takes the schedule out of the scheduler
     */
    public record Schedule(String task, String cron, Misfire misfire, Overlap overlap, Boolean enabled,
            String description) {

        public Schedule {
            misfire = misfire == null ? Misfire.FIRE_ONCE : misfire;
            overlap = overlap == null ? Overlap.WAIT : overlap;
            enabled = enabled == null || enabled;
            description = description == null ? "" : description;
        }
    }

    public enum Misfire { FIRE_ONCE, SKIP }

    public enum Overlap { WAIT, SKIP }
}
