package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target profile as data: the thresholds its definitions use (comparator {@code =}: a minimum
 * area, a count per community) and the targets figures are judged against.
 */
record Profile(String name, Map<String, BigDecimal> thresholds, List<Target> targets) {

    static final Profile NONE = new Profile(null, Map.of(), List.of());

    // Threshold keys of V4__target_profiles.sql.
    static final String COMMUNITY_MIN_AREA = "FAC_COMMUNITY_MIN_AREA";
    static final String STREET_CENTRE_MIN_AREA = "FAC_STREET_CENTER_MIN_AREA";
    static final String CITY_INCUBATOR_MIN_AREA = "INC_CITY_MIN_AREA";
    static final String DISTRICT_INCUBATOR_MIN_AREA = "INC_DISTRICT_MIN_AREA";
    static final String STREET_INCUBATORS_PER_DISTRICT = "INC_STREET_PER_DISTRICT";
    static final String POSTS_PER_10000 = "STF_POSTS_PER_10000";
    static final String PROFESSIONALS_URBAN = "STF_PRO_PER_COMMUNITY_URBAN";
    static final String PROFESSIONALS_RURAL = "STF_PRO_PER_COMMUNITY_RURAL";
    static final String ORGS_URBAN = "ORG_PER_COMMUNITY_URBAN";
    static final String ORGS_RURAL = "ORG_PER_COMMUNITY_RURAL";

    Optional<BigDecimal> threshold(String key) {
        return Optional.ofNullable(thresholds.get(key));
    }

    /**
     * The target a figure is judged against: same indicator and variant; a city-wide total only
     * on a city's own figure; a per-urban-district target on each urban district's figure (a
     * district-level unit whose name ends in 区, as opposed to a county).
     */
    Optional<Target> targetFor(Indicator indicator, String variant, Scope.Unit unit) {
        for (Target target : targets) {
            if (!target.key().equals(indicator.id())) {
                continue;
            }
            if (target.variant().equals(Target.PER_URBAN_DISTRICT)) {
                if (variant.isEmpty() && unit.level() == Level.DISTRICT && unit.name().endsWith("区")) {
                    return Optional.of(target);
                }
                continue;
            }
            if (target.variant().equals(variant) && (!indicator.cityWideTarget() || unit.level() == Level.CITY)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }
}
