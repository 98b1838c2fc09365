package cn.sanshe.pipeline.reconcile.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The names of a district's city, district and streets: the prefixes a registry puts on names. */
final class PlaceNames {

    private final Map<String, String> names = new HashMap<>();

    PlaceNames(JdbcTemplate jdbc, String districtCode) {
        String city = districtCode.substring(0, 4) + "00000000";
        String province = districtCode.substring(0, 2) + "0000000000";
        jdbc.query("SELECT code, name FROM division WHERE code IN (?, ?) OR (district_code = ? AND level <> 'community')",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, city, province, districtCode);
    }

    /** Province, city, district and (when the community or unit tells it) street of a row. */
    List<String> forRow(String districtCode, String streetOrCommunity) {
        List<String> places = new ArrayList<>(4);
        add(places, districtCode.substring(0, 2) + "0000000000");
        add(places, districtCode.substring(0, 4) + "00000000");
        add(places, districtCode + "000000");
        if (streetOrCommunity != null && streetOrCommunity.length() >= 9) {
            add(places, streetOrCommunity.substring(0, 9) + "000");
        }
        return places;
    }

    private void add(List<String> places, String code) {
        String name = names.get(code);
        if (name != null) {
            places.add(name);
        }
    }
}
