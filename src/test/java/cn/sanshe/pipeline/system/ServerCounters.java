package cn.sanshe.pipeline.system;

import org.springframework.jdbc.core.JdbcTemplate;

/** Counters of the database server that concurrency tests compare before and after. */
public final class ServerCounters {

    private ServerCounters() {
    }

    /** InnoDB's deadlocks since the server started. */
    public static long deadlocks(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                + "WHERE VARIABLE_NAME = 'INNODB_DEADLOCKS'", Long.class);
    }
}
