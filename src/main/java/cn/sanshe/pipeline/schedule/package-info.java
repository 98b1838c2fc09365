/**
 * Schedules: Quartz with its clustered JDBC job store in the application's database, schedules
 * from {@code jobs/schedules.yml} (cron in Asia/Shanghai), misfire and overlap policies per
 * schedule, every firing logged in {@code schedule_fire}. {@code serve} runs the scheduler;
 * {@code schedule list|pause|resume|trigger} work on the shared store from any machine.
 */
package cn.sanshe.pipeline.schedule;
