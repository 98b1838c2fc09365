/**
 * Delivery: the dashboards of each configured edition ({@code jobs/editions.yml}) mailed to their
 * recipients exactly once, through a delivery log whose unique key and claim tokens keep a restart,
 * a re-trigger or a second node from sending twice; SMTP outages waited out with bounded back-off;
 * failure mails to operators for any failed job. {@code deliver --period} on the command line.
 * Reminders to streets that have not sent a month's templates ({@code jobs/reminders.yml},
 * {@code remind}) go through the same log and sender, once per street, month and contact.
 */
package cn.sanshe.pipeline.delivery;
