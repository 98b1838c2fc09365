package cn.sanshe.pipeline.schedule;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test classes run one after the other on one database: each starts with no other node and no history. */
final class ClusterFixture {

    private ClusterFixture() {
    }

    static void forgetOtherNodes(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM QRTZ_FIRED_TRIGGERS");
        jdbc.update("DELETE FROM QRTZ_SCHEDULER_STATE");
        jdbc.update("DELETE FROM schedule_fire");
    }
}
