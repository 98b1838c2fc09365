package cn.sanshe.pipeline.reference;

import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo city's division reference (石家庄市 130100), loaded once into whatever database a test uses. */
public final class DemoDivisions {

    public static final Path FILE = Path.of("sql/reference/divisions-130100-shijiazhuang.csv");
    public static final String CITY = "130100000000";

    private DemoDivisions() {
    }

    /** Loads the demo city unless the reference already holds it. */
    public static void ensure(JdbcTemplate jdbc, DivisionLoader divisions) throws Exception {
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, CITY);
        if (city == null || city == 0) {
            divisions.load(FILE);
        }
    }
}
