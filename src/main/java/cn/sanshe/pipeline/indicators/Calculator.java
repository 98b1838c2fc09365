package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the snapshot's counts into the figures of metrics.md, one per indicator, variant and unit
 * (the scope first, then its children in code order), each judged against the profile.
 */
final class Calculator {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Calculator() {
    }

    /** A figure before judging: value, and what it was computed from. */
    record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

        static final Figure NONE = new Figure(null, null, null);

        static Figure ratio(BigDecimal numerator, BigDecimal denominator) {
            return per(numerator, denominator, ONE);
        }

        static Figure per(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
            return new Figure(Numbers.divide(numerator, denominator, factor), Numbers.canonical(numerator),
                    Numbers.canonical(denominator));
        }

        static Figure count(BigDecimal count) {
            BigDecimal n = Numbers.canonical(count);
            return new Figure(n, n, null);
        }
    }

    static List<IndicatorValue> values(Scope scope, String period, Profile profile, Figures figures) {
        List<Scope.Unit> units = new ArrayList<>();
        units.add(scope.unit());
        units.addAll(scope.children());
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            for (String variant : indicator.variants()) {
                for (Scope.Unit unit : units) {
                    Figure figure = figure(indicator, variant, figures.of(unit.code()), profile);
                    Optional<Target> target = profile.targetFor(indicator, variant, unit);
                    BigDecimal goal = target.map(t -> t.valueFor(indicator)).orElse(null);
                    String status = target.map(t -> t.judge(figure.value(), goal)).orElse(null);
                    values.add(new IndicatorValue(indicator.id(), variant, unit.code(), period, figure.value(),
                            figure.numerator(), figure.denominator(), goal, status));
                }
            }
        }
        return values;
    }

    static Figure figure(Indicator indicator, String variant, Figures.Row r, Profile profile) {
        return switch (indicator) {
            case FAC_COMMUNITY_COVERAGE -> switch (variant) {
                case "urban" -> Figure.ratio(r.n("urban_with_facility"), r.n("urban"));
                case "rural" -> Figure.ratio(r.n("rural_with_facility"), r.n("rural"));
                default -> Figure.ratio(r.n("with_facility"), r.n("communities"));
            };
            case FAC_COMMUNITY_AREA_OK -> needs(profile, Profile.COMMUNITY_MIN_AREA)
                    ? Figure.ratio(r.n("area_ok"), r.n("communities")) : Figure.NONE;
            case FAC_AREA_PER_100_HH -> Figure.per(r.n("facility_area"), r.n("households"), HUNDRED);
            case FAC_STREET_CENTER_COVERAGE -> Figure.ratio(r.n("centres"), r.n("streets"));
            case FAC_STREET_CENTER_AREA_OK -> needs(profile, Profile.STREET_CENTRE_MIN_AREA)
                    ? Figure.ratio(r.n("centre_area_ok"), r.n("streets")) : Figure.NONE;
            case INC_COUNT -> Figure.count(r.n(switch (variant) {
                case "市级" -> "city_incubators";
                case "区级" -> "district_incubators";
                case "街道级" -> "street_incubators";
                default -> "incubators";
            }));
            case INC_CITY_OK -> needs(profile, Profile.CITY_INCUBATOR_MIN_AREA)
                    ? Figure.count(r.n("city_incubators_ok")) : Figure.NONE;
            case INC_DISTRICT_OK -> needs(profile, Profile.DISTRICT_INCUBATOR_MIN_AREA)
                    ? Figure.ratio(r.n("districts_incubator_ok"), r.n("districts")) : Figure.NONE;
            case INC_STREET_PER_DISTRICT_OK -> needs(profile, Profile.STREET_INCUBATORS_PER_DISTRICT)
                    ? Figure.ratio(r.n("districts_street_incubators_ok"), r.n("districts")) : Figure.NONE;
            case INC_ORGS -> Figure.count(r.n(variant));
            case STF_PROFESSIONALS -> Figure.count(r.n("professionals"));
            case STF_COMMITTEE_CERT_RATE -> Figure.ratio(r.n("committee_certified"), r.n("committee"));
            // a community of 0 people needs no post (FACILITIES counts those)
            case STF_POSTS_PER_POP_OK -> Figure.ratio(r.sum("posts_ok", "no_population"), r.n("communities"));
            case STF_PRO_PER_COMMUNITY_OK -> professionalsPerCommunity(r, profile);
            case STF_COMMITTEE_WITH_CERT -> Figure.ratio(r.n("committees_with_certified"), r.n("communities"));
            case STF_COLLEGE_RATE -> Figure.ratio(r.n("college"), r.n("workers"));
            case STF_HH_PER_WORKER -> Figure.ratio(r.n("households"), r.n("workers"));
            case STF_AGENCIES -> Figure.count(r.n("sw_agencies"));
            case ORG_COUNT -> Figure.count(r.n(switch (variant) {
                case "已登记" -> "orgs_registered";
                case "已备案" -> "orgs_filed";
                case "type:社会团体" -> "orgs_social_group";
                case "type:民办非企业单位" -> "orgs_private_non_enterprise";
                case "type:基金会" -> "orgs_foundation";
                case "type:社区社会组织" -> "orgs_community";
                default -> "orgs";
            }));
            case ORG_PER_COMMUNITY_OK -> orgsPerCommunity(r, profile);
            case ORG_AVG_PER_COMMUNITY -> Figure.ratio(r.n("orgs"), r.n("communities"));
            case ORG_RATED_3A -> Figure.count(r.n("orgs_rated_3a"));
            case DQ_SUBMISSION_RATE -> Figure.ratio(r.n("sent_" + variant),
                    r.n(variant.startsWith("S") ? "units_street" : "units_district"));
            case DQ_REJECTED -> Figure.count(r.n(variant.equals("rejected_rows") ? "rejected_rows" : "open_rejects"));
            case DQ_MERGED -> Figure.count(r.sum("merged_org_rows", "merged_worker_rows"));
        };
    }

    /**
     * Urban communities against the urban minimum, rural communities of 3000 people or more
     * against the rural one; a profile that sets only one of the two judges only those communities.
     */
    private static Figure orgsPerCommunity(Figures.Row r, Profile profile) {
        boolean urban = needs(profile, Profile.ORGS_URBAN);
        boolean rural = needs(profile, Profile.ORGS_RURAL);
        if (!urban && !rural) {
            return Figure.NONE;
        }
        BigDecimal ok = BigDecimal.ZERO;
        BigDecimal of = BigDecimal.ZERO;
        if (urban) {
            ok = ok.add(atLeast(profile, Profile.ORGS_URBAN, r.n("urban_orgs_ok"), r.n("urban")));
            of = of.add(r.n("urban"));
        }
        if (rural) {
            ok = ok.add(atLeast(profile, Profile.ORGS_RURAL, r.n("large_rural_orgs_ok"), r.n("large_rural_communities")));
            of = of.add(r.n("large_rural_communities"));
        }
        return Figure.ratio(ok, of);
    }

    /** Urban communities against the urban minimum of professionals, rural ones against the rural minimum. */
    private static Figure professionalsPerCommunity(Figures.Row r, Profile profile) {
        if (!needs(profile, Profile.PROFESSIONALS_URBAN) || !needs(profile, Profile.PROFESSIONALS_RURAL)) {
            return Figure.NONE;
        }
        BigDecimal ok = atLeast(profile, Profile.PROFESSIONALS_URBAN, r.n("urban_professionals_ok"), r.n("urban"))
                .add(atLeast(profile, Profile.PROFESSIONALS_RURAL, r.n("rural_professionals_ok"), r.n("rural")));
        return Figure.ratio(ok, r.n("communities"));
    }

    /**
     * Communities meeting a minimum count: the SQL counts those with members; a minimum of 0 is
     * met by every community, members or not.
     */
    private static BigDecimal atLeast(Profile profile, String threshold, BigDecimal counted, BigDecimal all) {
        return profile.threshold(threshold).orElseThrow().signum() <= 0 ? all : counted;
    }

    private static boolean needs(Profile profile, String threshold) {
        return profile.threshold(threshold).isPresent();
    }
}
