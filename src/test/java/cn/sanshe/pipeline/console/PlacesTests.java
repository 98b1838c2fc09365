package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Codes in texts for people become names; numbers that are no division stay as they were. */
class PlacesTests {

    private static final Map<String, String> REFERENCE = Map.of(
            "130102000000", "长安区", "130102002000", "建北街道", "130102002001", "锦绣社区");

    /** The division table as far as Places reads it: a name by 12-digit code. */
    private final Places places = new Places(new JdbcTemplate() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> queryForList(String sql, Class<T> type, Object... args) {
            String name = REFERENCE.get((String) args[0]);
            return name == null ? List.of() : (List<T>) List.of(name);
        }
    });

    @Test
    void aStreetsNineDigitCodeAndACommunitysTwelveAreNamedDownFromTheDistrict() {
        assertThat(places.withNames("130102002台账仍列为活动组织，登记管理机关名录为注销：阳光老年协会"))
                .isEqualTo("长安区建北街道台账仍列为活动组织，登记管理机关名录为注销：阳光老年协会");
        assertThat(places.withNames("同时在130102002001和130102002001的花名册上"))
                .isEqualTo("同时在长安区建北街道锦绣社区和长安区建北街道锦绣社区的花名册上");
    }

    @Test
    void numbersThatAreNoDivisionStayAsTheyAre() {
        assertThat(places.withNames("联系电话 031186012345，编号 123456789，证件 130102199001011234"))
                .isEqualTo("联系电话 031186012345，编号 123456789，证件 130102199001011234");
        assertThat(places.withNames("街道 130102009 不在区划表中")).isEqualTo("街道 130102009 不在区划表中");
    }
}
