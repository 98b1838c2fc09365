package cn.sanshe.pipeline.indicators;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code indicator_run} and {@code indicator_value}: computed sets kept as they were. */
@Repository
class IndicatorStore {

    private final JdbcTemplate jdbc;

    IndicatorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long save(String scopeCode, YearMonth period, String profile, LocalDateTime dataCutoff,
            List<IndicatorValue> values) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO indicator_run (scope_code, period, profile, computed_at, data_cutoff)
                    VALUES (?, ?, ?, CURRENT_TIMESTAMP(6), ?)""", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, scopeCode);
            insert.setString(2, period.toString());
            insert.setString(3, profile);
            insert.setTimestamp(4, dataCutoff == null ? null : Timestamp.valueOf(dataCutoff));
            return insert;
        }, key);
        long runId = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            rows.add(new Object[] {runId, i, v.indicator(), v.variant(), v.scope(), v.period(), v.value(),
                v.numerator(), v.denominator(), v.target(), v.status()});
        }
        jdbc.batchUpdate("""
                INSERT INTO indicator_value (run_id, seq, indicator, variant, scope_code, period, value, numerator,
                                             denominator, target, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return runId;
    }

    Optional<IndicatorRun> run(long runId) {
        return jdbc.query("""
                SELECT id, scope_code, period, profile, computed_at, data_cutoff FROM indicator_run WHERE id = ?""",
                (rs, i) -> new IndicatorRun(rs.getLong(1), rs.getString(2), YearMonth.parse(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toLocalDateTime(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toLocalDateTime()),
                runId).stream().findFirst();
    }

    List<IndicatorValue> values(long runId) {
        return jdbc.query("""
                SELECT indicator, variant, scope_code, period, value, numerator, denominator, target, status
                FROM indicator_value WHERE run_id = ? ORDER BY seq""",
                (rs, i) -> new IndicatorValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Numbers.canonical(rs.getBigDecimal(5)), Numbers.canonical(rs.getBigDecimal(6)),
                        Numbers.canonical(rs.getBigDecimal(7)), Numbers.canonical(rs.getBigDecimal(8)),
                        rs.getString(9)),
                runId);
    }

    /**
     * The newest run of a scope, month and profile computed from exactly the inputs there are now
     * (its data cut-off is the current one): its figures are what a new computation would give.
     */
    Optional<Long> runAsOf(String scopeCode, YearMonth period, String profile, LocalDateTime dataCutoff) {
        if (dataCutoff == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                SELECT id FROM indicator_run WHERE scope_code = ? AND period = ? AND profile <=> ? AND data_cutoff = ?
                ORDER BY id DESC LIMIT 1""", Long.class, scopeCode, period.toString(), profile,
                Timestamp.valueOf(dataCutoff)).stream().findFirst();
    }

    /**
     * The newest change among the inputs of a computation: a file loaded, a master record updated,
     * a rejected row corrected or superseded (each an index's last entry).
     */
    LocalDateTime dataCutoff() {
        LocalDateTime newest = null;
        for (String sql : List.of("SELECT MAX(loaded_at) FROM ingest_file", "SELECT MAX(updated_at) FROM org_master",
                "SELECT MAX(updated_at) FROM worker_master", "SELECT MAX(resolved_at) FROM ingest_reject")) {
            Timestamp at = jdbc.queryForObject(sql, Timestamp.class);
            if (at != null && (newest == null || at.toLocalDateTime().isAfter(newest))) {
                newest = at.toLocalDateTime();
            }
        }
        return newest;
    }
}
