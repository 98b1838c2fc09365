package cn.sanshe.pipeline.indicators;

import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each street of a scope sent for a month, street by street, with the same rules as
 * DQ_SUBMISSION_RATE and DQ_REJECTED (a sheet of the period, or a copy of an earlier file dropped
 * under the period; rejected rows of sheets still in force). One query for the whole scope.
 */
@Component
public class StreetSubmissions {

    private static final String SQL = "WITH " + SnapshotSql.SENT_BY_UNIT + """
            ,
            rejects AS (
                SELECT LEFT(RPAD(r.unit_code, 12, '0'), 9) AS street,
                       SUM(r.status IN ('open', 'corrected')) AS rejected_rows,
                       SUM(r.status = 'open') AS open_rejects
                FROM ingest_reject r
                WHERE r.period = :period AND r.district_code IN (:districts)
                GROUP BY street)
            SELECT dd.name AS district_name, s.code, s.name,
                   COALESCE(b.s1, 0) AS s1, COALESCE(b.s2, 0) AS s2, COALESCE(b.s3, 0) AS s3, COALESCE(b.s4, 0) AS s4,
                   COALESCE(r.rejected_rows, 0) AS rejected_rows, COALESCE(r.open_rejects, 0) AS open_rejects
            FROM division s
            JOIN division dd ON dd.code = CONCAT(LEFT(s.code, 6), '000000')
            LEFT JOIN sent_by_unit b ON b.unit_code = LEFT(s.code, 9)
            LEFT JOIN rejects r ON r.street = LEFT(s.code, 9)
            WHERE s.level = 'street' AND s.code LIKE :streetLike
            ORDER BY s.code""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcTemplate plain;
    private final Scopes scopes;

    StreetSubmissions(JdbcTemplate jdbc, Scopes scopes) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.plain = jdbc;
        this.scopes = scopes;
    }

    /**
     * Reads the annex of a run's scope and month and keeps it with the run
     * ({@code indicator_run_street}), so a re-render from the run prints the same annex. Read
     * committed: the DELETE of a new run's (absent) rows would otherwise lock the gap at the end of the
     * key, the one every other edition rendered at the same time inserts into — a deadlock.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<StreetSubmission> store(long runId, String scopeCode, YearMonth period) {
        List<StreetSubmission> streets = of(scopeCode, period);
        List<Object[]> rows = new java.util.ArrayList<>(streets.size());
        for (int i = 0; i < streets.size(); i++) {
            StreetSubmission s = streets.get(i);
            rows.add(new Object[] {runId, i, s.districtName(), s.streetCode(), s.streetName(), s.sentS1(), s.sentS2(),
                s.sentS3(), s.sentS4(), s.rejectedRows(), s.openWithStewards()});
        }
        plain.update("DELETE FROM indicator_run_street WHERE run_id = ?", runId);
        plain.batchUpdate("""
                INSERT INTO indicator_run_street (run_id, seq, district_name, street_code, street_name, sent_s1, sent_s2,
                                                  sent_s3, sent_s4, rejected_rows, open_rejects)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return streets;
    }

    /** The annex kept with a run, or empty when the run has none (computed before annexes were kept, or reused). */
    @Transactional(readOnly = true)
    public java.util.Optional<List<StreetSubmission>> stored(long runId) {
        List<StreetSubmission> streets = plain.query("""
                SELECT district_name, street_code, street_name, sent_s1, sent_s2, sent_s3, sent_s4, rejected_rows,
                       open_rejects
                FROM indicator_run_street WHERE run_id = ? ORDER BY seq""",
                (rs, i) -> new StreetSubmission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8), rs.getLong(9)), runId);
        // a scope without streets keeps nothing either: read anew, it is as empty
        return streets.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(streets);
    }

    @Transactional(readOnly = true)
    public List<StreetSubmission> of(String scopeCode, YearMonth period) {
        Scope scope = scopes.resolve(scopeCode);
        String prefix = scope.prefix();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("period", period.toString())
                // drops under <P>/<unit>/ of the scope's units only (a unit's code starts with the scope's
                // digits): the period's drops of other scopes are never read
                .addValue("dropLike", period + "/" + prefix.substring(0, Math.min(9, prefix.length())) + "%")
                .addValue("streetLike", prefix.substring(0, Math.min(9, prefix.length())) + "%")
                .addValue("districts", scope.districts().isEmpty() ? List.of("------") : scope.districts());
        return jdbc.query(SQL, parameters, (rs, i) -> new StreetSubmission(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7),
                rs.getLong(8), rs.getLong(9)));
    }
}
