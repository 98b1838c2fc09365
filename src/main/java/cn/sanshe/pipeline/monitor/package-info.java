/**
 * Health and metrics for operators: Actuator health indicators for the scheduler and the inbox
 * (the database's comes with Spring Boot), Micrometer timers and item counters for every job and step.
 */
package cn.sanshe.pipeline.monitor;
