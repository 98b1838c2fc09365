package cn.sanshe.pipeline.indicators;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure explains itself: a figure of a scope and month → its units (the scope's children,
 * plus what lies in the scope but in no child) with numerator and denominator → the master records
 * counted in a unit → their source rows and the steward decisions that touched them.
 *
 * <p>It cannot disagree with the figures: the units come from the very snapshot queries the
 * indicators run ({@link SnapshotSql#ALL}, with {@link Snapshot#parameters}) and the very
 * calculation ({@link Calculator#figure}); the master records come from the same common table
 * expressions ({@link SnapshotSql#ORGS}, {@link SnapshotSql#ROSTER}) with the conditions of the
 * final counts, and {@code ExplainAddsUpTests} checks for every indicator and unit that the
 * records listed are exactly as many as counted.
 */
@Service
public class Explain {

    /** A figure of a unit (or of the scope): the scope's own part in no child is {@code own}. */
    public record UnitFigure(String code, String name, boolean own, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator) {
    }

    /** The figure and its units. {@code overlap}: people counted in two units but once in the scope. */
    public record Drill(Indicator indicator, String variant, String scope, String scopeName, String period,
            String profile, UnitFigure figure, List<UnitFigure> units, Kind records, String numeratorMeans,
            String denominatorMeans) {

        public BigDecimal unitsNumerator() {
            return units.stream().map(UnitFigure::numerator).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal unitsDenominator() {
            return units.stream().map(UnitFigure::denominator).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** What master records a figure counts: organizations, workers, or none (communities, files, rows). */
    public enum Kind { ORG, WORKER, NONE }

    /** A master record counted in a unit, and on which side of the ratio. */
    public record Counted(Kind kind, long id, String name, String place, String unitCode, boolean inNumerator,
            boolean inDenominator) {
    }

    /** A source row behind a master record. */
    public record SourceRow(String template, String file, String sheet, int row, String period, String unit,
            String how) {
    }

    /** A steward decision that touched a master record. */
    public record Decision(String action, String subject, String detail, String by, String reason,
            LocalDateTime at) {
    }

    private static final String OWN = "own:";

    private final Scopes scopes;
    private final Profiles profiles;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final String defaultProfile;

    Explain(Scopes scopes, Profiles profiles, JdbcTemplate jdbc,
            @Value("${pipeline.report.profile:shijiazhuang-2020}") String defaultProfile) {
        this.scopes = scopes;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.defaultProfile = defaultProfile;
    }

    /** The profile the newest stored run of the scope and period was judged against, else the default. */
    public String profileOf(String scope12, String period) {
        return jdbc.queryForList("""
                SELECT profile FROM indicator_run WHERE scope_code = ? AND period = ? AND profile IS NOT NULL
                ORDER BY computed_at DESC LIMIT 1""", String.class, scope12, period).stream().findFirst()
                .orElse(defaultProfile);
    }

    public static Indicator indicator(String id) {
        try {
            return Indicator.valueOf(id.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("没有指标 " + id + "；指标见 metrics.md（如 ORG_COUNT、STF_PROFESSIONALS）");
        }
    }

    public static String variant(Indicator indicator, String variant) {
        String v = variant == null || variant.isBlank() ? indicator.variants().get(0) : variant;
        if (!indicator.variants().contains(v)) {
            throw new IllegalArgumentException("指标 " + indicator.id() + " 没有分项 " + v + "；可选：" + indicator.variants());
        }
        return v;
    }

    /** One figure of the scope, for the list an edition's figures start from. */
    public record Headline(Indicator indicator, String variant, UnitFigure figure) {
    }

    /** The scope's figures of every indicator and variant, computed as the indicators compute them. */
    @Transactional(readOnly = true)
    public List<Headline> headlines(String scope12, YearMonth period, String profile) {
        Scope scope = scopes.resolve(scope12);
        Profile targets = profiles.load(profile);
        Figures.Row row = rows(scope, period, targets).getOrDefault(null, empty());
        List<Headline> figures = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            for (String variant : indicator.variants()) {
                Calculator.Figure f = Calculator.figure(indicator, variant, row, targets);
                figures.add(new Headline(indicator, variant, new UnitFigure(scope.code(), scope.unit().name(), false,
                        f.value(), f.numerator(), f.denominator())));
            }
        }
        return figures;
    }

    /** The figure → its units. */
    @Transactional(readOnly = true)
    public Drill units(String scope12, YearMonth period, String profile, Indicator indicator, String variant) {
        Scope scope = scopes.resolve(scope12);
        Profile targets = profiles.load(profile);
        String v = variant(indicator, variant);
        Map<String, Figures.Row> rows = rows(scope, period, targets);
        Calculator.Figure whole = Calculator.figure(indicator, v, rows.getOrDefault(null, empty()), targets);
        List<UnitFigure> units = new ArrayList<>();
        Map<String, BigDecimal> own = new HashMap<>();
        for (Scope.Unit child : scope.children()) {
            Calculator.Figure f = Calculator.figure(indicator, v, rows.getOrDefault(child.code(), empty()), targets);
            units.add(new UnitFigure(child.code(), child.name(), false, f.value(), f.numerator(), f.denominator()));
        }
        rows.forEach((key, row) -> {
            if (key != null && key.startsWith(OWN)) {
                row.columns().forEach((column, value) -> own.merge(column, value == null ? BigDecimal.ZERO : value,
                        BigDecimal::add));
            }
        });
        if (!own.isEmpty()) {
            Calculator.Figure f = Calculator.figure(indicator, v, new Figures.Row(own), targets);
            boolean counts = (f.numerator() != null && f.numerator().signum() != 0)
                    || (f.denominator() != null && f.denominator().signum() != 0);
            if (counts) {
                units.add(new UnitFigure(scope.code(), scope.unit().name() + "本级（不在任何下级单位）", true, f.value(),
                        f.numerator(), f.denominator()));
            }
        }
        return new Drill(indicator, v, scope.code(), scope.unit().name(), period.toString(), profile,
                new UnitFigure(scope.code(), scope.unit().name(), false, whole.value(), whole.numerator(),
                        whole.denominator()), units, kind(indicator), meaning(indicator, v, true),
                meaning(indicator, v, false));
    }

    /**
     * The master records a unit's figure counts (the scope's own part when {@code unitCode} is the
     * scope's code and {@code own}), each marked numerator and / or denominator. Empty for figures
     * that count no master records.
     */
    @Transactional(readOnly = true)
    public List<Counted> records(String scope12, YearMonth period, String profile, Indicator indicator, String variant,
            String unitCode, boolean own) {
        Scope scope = scopes.resolve(scope12);
        String v = variant(indicator, variant);
        Kind kind = kind(indicator);
        if (kind == Kind.NONE) {
            return List.of();
        }
        MapSqlParameterSource parameters = Snapshot.parameters(scope, period, profiles.load(profile));
        int k = scope.childKeyLength();
        List<Counted> all = kind == Kind.ORG ? orgs(parameters, indicator, v, k) : workers(parameters, indicator, v, k);
        String key = unitCode.equals(scope.code()) && !own ? null : unitCode.substring(0, Math.min(k, unitCode.length()));
        return all.stream().filter(c -> c.inNumerator() || c.inDenominator())
                .filter(c -> key == null || (own ? scope.child(c.unitCode()) == null : c.unitCode().equals(key)))
                .toList();
    }

    private List<Counted> orgs(MapSqlParameterSource parameters, Indicator indicator, String variant, int k) {
        return named.query("WITH " + SnapshotSql.ORGS + """

                SELECT o.id, m.name, o.loc, LEFT(o.loc, :k) AS unit_key, o.reg_status, o.org_type, o.rating,
                       COALESCE(o.is_sw_agency, FALSE) AS sw
                FROM orgs o JOIN org_master m ON m.id = o.id
                ORDER BY o.loc, m.name, o.id""", parameters, (rs, i) -> {
            boolean in = switch (indicator) {
                // the conditions of the sums of SnapshotSql.ORGANIZATIONS
                case ORG_COUNT -> switch (variant) {
                    case "已登记", "已备案" -> variant.equals(rs.getString(5));
                    case "all" -> true;
                    default -> variant.substring(5).equals(rs.getString(6));
                };
                case ORG_RATED_3A -> rs.getObject(7) != null && rs.getInt(7) >= 3;
                case STF_AGENCIES -> rs.getBoolean(8);
                case ORG_AVG_PER_COMMUNITY -> true;
                default -> false;
            };
            return new Counted(Kind.ORG, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), in, false);
        });
    }

    private List<Counted> workers(MapSqlParameterSource parameters, Indicator indicator, String variant, int k) {
        // person_place of SnapshotSql.WORKERS: one row per person and community
        return named.query("WITH " + SnapshotSql.ROSTER + """
                ,
                person_place AS (
                    SELECT r.community_code, r.master_id,
                           MAX(r.is_committee) AS committee,
                           MAX(r.cert_verified) AS certified,
                           MAX(r.education IN ('大专', '本科', '硕士研究生', '博士研究生')) AS college
                    FROM roster r
                    WHERE r.community_code LIKE :scopeLike
                    GROUP BY r.community_code, r.master_id)
                SELECT p.master_id, m.name, p.community_code, LEFT(p.community_code, :k) AS unit_key,
                       COALESCE(p.committee, FALSE), COALESCE(p.certified, FALSE), COALESCE(p.college, FALSE)
                FROM person_place p JOIN worker_master m ON m.id = p.master_id
                ORDER BY p.community_code, m.name, p.master_id""", parameters, (rs, i) -> {
            boolean committee = rs.getBoolean(5);
            boolean certified = rs.getBoolean(6);
            boolean college = rs.getBoolean(7);
            boolean numerator = switch (indicator) {
                case STF_PROFESSIONALS -> certified;
                case STF_COMMITTEE_CERT_RATE -> committee && certified;
                case STF_COLLEGE_RATE -> college;
                default -> false;
            };
            boolean denominator = switch (indicator) {
                case STF_COMMITTEE_CERT_RATE -> committee;
                case STF_COLLEGE_RATE, STF_HH_PER_WORKER -> true;
                default -> false;
            };
            return new Counted(Kind.WORKER, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    numerator, denominator);
        });
    }

    /** Where a master record lies (its community, or its district), to check a user's jurisdiction. */
    public Optional<String> placeOf(Kind kind, long id) {
        String sql = kind == Kind.ORG
                ? "SELECT COALESCE(community_code, CONCAT(district_code, '000000')) FROM org_master WHERE id = ?"
                : "SELECT COALESCE(community_code, CONCAT(district_code, '000000')) FROM worker_master WHERE id = ?";
        return jdbc.queryForList(sql, String.class, id).stream().findFirst();
    }

    public Optional<String> nameOf(Kind kind, long id) {
        return jdbc.queryForList("SELECT name FROM " + (kind == Kind.ORG ? "org_master" : "worker_master") + " WHERE id = ?",
                String.class, id).stream().findFirst();
    }

    /** The source rows behind a master record: file, sheet, row, month. */
    public List<SourceRow> sources(Kind kind, long id) {
        String source = kind == Kind.ORG ? "org_source" : "worker_source";
        Map<String, String> staging = kind == Kind.ORG
                ? Map.of("S2", "stg_s2_org_ledger", "D1", "stg_d1_org_registry")
                : Map.of("S3", "stg_s3_worker", "D3", "stg_d3_certificate");
        List<SourceRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> table : new java.util.TreeMap<>(staging).entrySet()) {
            rows.addAll(jdbc.query("""
                    SELECT o.template, f.path, sh.sheet_name, s.row_no, s.period, sh.unit_code, o.how
                    FROM %s o
                    JOIN %s s ON s.id = o.stg_id
                    JOIN ingest_sheet sh ON sh.id = s.sheet_id
                    JOIN ingest_file f ON f.id = sh.file_id
                    WHERE o.master_id = ? AND o.template = ?
                    ORDER BY s.period, f.path, s.row_no""".formatted(source, table.getValue()),
                    (rs, i) -> new SourceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)), id, table.getKey()));
        }
        return rows;
    }

    /** The steward decisions recorded against the master record. */
    public List<Decision> decisions(Kind kind, long id) {
        return jdbc.query("""
                SELECT action, subject, detail, decided_by, reason, decided_at FROM steward_decision
                WHERE master_kind = ? AND master_id = ? ORDER BY decided_at""",
                (rs, i) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class)),
                kind == Kind.ORG ? "org" : "worker", id);
    }

    /** Which master records a figure counts. */
    public static Kind kind(Indicator indicator) {
        return switch (indicator) {
            case ORG_COUNT, ORG_RATED_3A, STF_AGENCIES, ORG_AVG_PER_COMMUNITY -> Kind.ORG;
            case STF_PROFESSIONALS, STF_COMMITTEE_CERT_RATE, STF_COLLEGE_RATE, STF_HH_PER_WORKER -> Kind.WORKER;
            default -> Kind.NONE;
        };
    }

    /** Whether the figure's numerator (or denominator) is a count of the listed master records. */
    public static boolean countsRecords(Indicator indicator, boolean numerator) {
        return switch (indicator) {
            case ORG_COUNT, ORG_RATED_3A, STF_AGENCIES, ORG_AVG_PER_COMMUNITY, STF_PROFESSIONALS -> numerator;
            case STF_COMMITTEE_CERT_RATE, STF_COLLEGE_RATE -> true;
            case STF_HH_PER_WORKER -> !numerator;
            default -> false;
        };
    }

    /**
     * Whether the scope counts a record once where its units may count it twice: a worker on the
     * rosters of communities in two units (no steward placed them) is in both units' figures.
     */
    public static boolean distinctPeople(Indicator indicator, boolean numerator) {
        return kind(indicator) == Kind.WORKER && countsRecords(indicator, numerator);
    }

    private static String meaning(Indicator indicator, String variant, boolean numerator) {
        Kind kind = kind(indicator);
        if (!indicator.isRatio() && indicator != Indicator.STF_HH_PER_WORKER && indicator != Indicator.ORG_AVG_PER_COMMUNITY
                && indicator != Indicator.FAC_AREA_PER_100_HH) {
            return numerator ? (kind == Kind.ORG ? "计入的社会组织" : kind == Kind.WORKER ? "计入的人员" : "计数") : "";
        }
        return switch (indicator) {
            case STF_COLLEGE_RATE -> numerator ? "大专及以上学历人员" : "社区工作者";
            case STF_COMMITTEE_CERT_RATE -> numerator ? "持证的居委会成员" : "居委会成员";
            case STF_HH_PER_WORKER -> numerator ? "户数" : "社区工作者";
            case ORG_AVG_PER_COMMUNITY -> numerator ? "社区社会组织" : "社区";
            case FAC_AREA_PER_100_HH -> numerator ? "设施面积（平方米）" : "户数";
            case DQ_SUBMISSION_RATE -> numerator ? "已报送 " + variant + " 的单位" : "应报送单位";
            default -> numerator ? "达标 / 符合条件" : "总数";
        };
    }

    /** The snapshot's rows by grouping key: null is the scope (rollup), other keys the children and the scope's own part. */
    private Map<String, Figures.Row> rows(Scope scope, YearMonth period, Profile profile) {
        MapSqlParameterSource parameters = Snapshot.parameters(scope, period, profile);
        Map<String, Map<String, BigDecimal>> byKey = new LinkedHashMap<>();
        for (String sql : SnapshotSql.ALL) {
            named.query(sql, parameters, rs -> {
                String key = rs.getString(1);
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, BigDecimal> row = byKey.computeIfAbsent(key, x -> new HashMap<>());
                for (int i = 2; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getBigDecimal(i));
                }
            });
        }
        Map<String, Figures.Row> rows = new HashMap<>();
        byKey.forEach((key, columns) -> {
            Scope.Unit child = key == null ? null : scope.child(key);
            rows.put(key == null ? null : child != null ? child.code() : OWN + key, new Figures.Row(columns));
        });
        return rows;
    }

    private static Figures.Row empty() {
        return new Figures.Row(Map.of());
    }
}
