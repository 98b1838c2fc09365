package cn.sanshe.pipeline.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The name of a district (长安区) for its six-digit code, as partitions ({@code district-130102})
 * and the ingest accounting carry it: people read names, the code only beside it. Names do not
 * change during a run, so each is looked up once.
 */
@Component
public class DistrictNames {

    private final JdbcTemplate jdbc;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    DistrictNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 长安区 for {@code 130102}; the code itself when the reference does not hold it. */
    public String of(String districtCode) {
        if (districtCode == null || !districtCode.matches("\\d{6}")) {
            return districtCode;
        }
        return known.computeIfAbsent(districtCode, code -> {
            List<String> names = jdbc.queryForList("SELECT name FROM division WHERE code = ?", String.class,
                    code + "000000");
            return names.isEmpty() ? code : names.get(0);
        });
    }

    /** 长安区 for a partition named {@code district-130102}; any other partition name unchanged. */
    public String ofPartition(String partition) {
        return partition != null && partition.startsWith("district-") ? of(partition.substring(9)) : partition;
    }
}
