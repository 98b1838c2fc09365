package cn.sanshe.pipeline.schedule;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code schedule_fire}: every firing, the node it ran on and how it ended. */
@Repository
class FireLog {

    private final JdbcTemplate jdbc;

    FireLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Fire(String schedule, LocalDateTime scheduledFor, LocalDateTime firedAt, LocalDateTime finishedAt,
            String node, boolean recovering, String outcome, String detail) {
    }

    long started(String schedule, String task, Date scheduledFor, String node, boolean recovering) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO schedule_fire (schedule, task, scheduled_for, fired_at, node, recovering, outcome)
                    VALUES (?, ?, ?, CURRENT_TIMESTAMP(3), ?, ?, 'running')""", new String[] {"id"});
            statement.setString(1, schedule);
            statement.setString(2, task);
            statement.setTimestamp(3, scheduledFor == null ? null : new Timestamp(scheduledFor.getTime()));
            statement.setString(4, node);
            statement.setBoolean(5, recovering);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void finished(long id, String outcome, String detail) {
        jdbc.update("UPDATE schedule_fire SET outcome = ?, detail = ?, finished_at = CURRENT_TIMESTAMP(3) WHERE id = ?",
                outcome, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000), id);
    }

    List<Fire> recent(String schedule, int limit) {
        return jdbc.query("""
                SELECT schedule, scheduled_for, fired_at, finished_at, node, recovering, outcome, detail
                FROM schedule_fire WHERE schedule = ? ORDER BY id DESC LIMIT ?""",
                (rs, i) -> new Fire(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7), rs.getString(8)),
                schedule, limit);
    }
}
