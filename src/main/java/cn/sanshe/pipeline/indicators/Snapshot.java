package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/** Runs the snapshot queries of {@link SnapshotSql} for a scope and a period. */
@Component
class Snapshot {

    private static final BigDecimal DEFAULT_POSTS_PER_10000 = BigDecimal.valueOf(2);

    private final JdbcTemplate plain;
    private final long memoryTempTables;

    Snapshot(JdbcTemplate jdbc,
            @Value("${pipeline.indicators.memory-temp-tables:1073741824}") long memoryTempTables) {
        this.plain = jdbc;
        this.memoryTempTables = memoryTempTables;
    }

    /**
     * Every query on one connection (the transaction's), whose internal temporary tables may grow
     * to {@code pipeline.indicators.memory-temp-tables} bytes in memory before the server moves
     * them to disk (its default, 16 MB, sends a province's or the root's grouped rows to disk
     * tables whose cost per row grows with their size); the connection's settings are put back after.
     */
    Figures collect(Scope scope, YearMonth period, Profile profile) {
        return plain.execute((ConnectionCallback<Figures>) connection -> {
            boolean sized = memoryTempTables > 0;
            if (sized) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION max_heap_table_size = " + memoryTempTables
                            + ", tmp_table_size = " + memoryTempTables);
                }
            }
            try {
                return collect(new NamedParameterJdbcTemplate(new JdbcTemplate(
                        new SingleConnectionDataSource(connection, true))), scope, period, profile);
            } finally {
                if (sized) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET SESSION max_heap_table_size = DEFAULT, tmp_table_size = DEFAULT");
                    }
                }
            }
        });
    }

    private static Figures collect(NamedParameterJdbcTemplate jdbc, Scope scope, YearMonth period, Profile profile) {
        MapSqlParameterSource parameters = parameters(scope, period, profile);
        Figures figures = new Figures();
        for (String sql : SnapshotSql.ALL) {
            jdbc.query(sql, parameters, rs -> {
                String key = rs.getString(1);
                String unit;
                if (key == null) {
                    unit = scope.code();      // the ROLLUP row: the whole scope
                } else {
                    Scope.Unit child = scope.child(key);
                    if (child == null) {
                        return;               // in the scope but in no child unit (a district's own rows)
                    }
                    unit = child.code();
                }
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 2; i <= meta.getColumnCount(); i++) {
                    figures.put(unit, meta.getColumnLabel(i), rs.getBigDecimal(i));
                }
            });
        }
        return figures;
    }

    static MapSqlParameterSource parameters(Scope scope, YearMonth period, Profile profile) {
        String prefix = scope.prefix();
        return new MapSqlParameterSource()
                .addValue("period", period.toString())
                // drops under <P>/<unit>/ of the scope's units only (a unit's code starts with the scope's
                // digits): the period's drops of other scopes are never read
                .addValue("dropLike", period + "/" + prefix.substring(0, Math.min(9, prefix.length())) + "%")
                .addValue("scopeLike", prefix + "%")
                // never empty: IN () is no SQL
                .addValue("districts", scope.districts().isEmpty() ? List.of("------") : scope.districts())
                .addValue("streetLike", prefix.substring(0, Math.min(9, prefix.length())) + "%")
                .addValue("k", scope.childKeyLength())
                // A threshold the profile does not set makes its indicator null (Calculator); 0 keeps the SQL simple.
                .addValue("communityMinArea", threshold(profile, Profile.COMMUNITY_MIN_AREA))
                .addValue("streetCentreMinArea", threshold(profile, Profile.STREET_CENTRE_MIN_AREA))
                .addValue("cityIncubatorMinArea", threshold(profile, Profile.CITY_INCUBATOR_MIN_AREA))
                .addValue("districtIncubatorMinArea", threshold(profile, Profile.DISTRICT_INCUBATOR_MIN_AREA))
                .addValue("streetIncubatorsPerDistrict", threshold(profile, Profile.STREET_INCUBATORS_PER_DISTRICT))
                .addValue("postsPer10000", profile.threshold(Profile.POSTS_PER_10000).orElse(DEFAULT_POSTS_PER_10000))
                .addValue("professionalsUrban", threshold(profile, Profile.PROFESSIONALS_URBAN))
                .addValue("professionalsRural", threshold(profile, Profile.PROFESSIONALS_RURAL))
                .addValue("orgsUrban", threshold(profile, Profile.ORGS_URBAN))
                .addValue("orgsRural", threshold(profile, Profile.ORGS_RURAL));
    }

    private static BigDecimal threshold(Profile profile, String key) {
        return profile.threshold(key).orElse(BigDecimal.ZERO);
    }
}
