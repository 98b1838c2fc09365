package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.validate.DivisionLookup;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The division codes of one district held in memory for a partition (a district has hundreds or
 * thousands, never the nation's); a code outside it is asked of the database.
 */
class DistrictDivisions implements DivisionLookup {

    private final JdbcTemplate jdbc;
    private final String districtCode;
    private final Set<String> codes = new HashSet<>();

    DistrictDivisions(JdbcTemplate jdbc, String districtCode) {
        this.jdbc = jdbc;
        this.districtCode = districtCode;
        jdbc.query("SELECT code FROM division WHERE district_code = ?", rs -> {
            codes.add(rs.getString(1));
        }, districtCode);
    }

    @Override
    public boolean exists(String code12) {
        if (code12.startsWith(districtCode)) {
            return codes.contains(code12);
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code12);
        return found != null && found > 0;
    }
}
