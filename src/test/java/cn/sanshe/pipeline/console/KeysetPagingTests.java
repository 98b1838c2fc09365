package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sanshe.pipeline.ingest.IngestFixtures;
import cn.sanshe.pipeline.ingest.rejects.RejectFilter;
import cn.sanshe.pipeline.ingest.rejects.RejectRows;
import cn.sanshe.pipeline.reconcile.steward.Reviews;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The rejects list and the review queue are paged by keys (the page after / before a row), not by
 * OFFSET. Walking a jurisdiction's list from the first page by 下一页, or from the last page by
 * 上一页, gives every open row of the jurisdiction exactly once, in the list's order, and none of
 * another jurisdiction; the page counts are the rows'; a key made up in the address moves the page
 * but never shows another jurisdiction's row; a key that is not one is refused with 400; a row
 * corrected meanwhile makes no other row skip a page. Backlog: about 470 rejects in three streets
 * of two districts, two templates, two months and none, ids interleaved; 160 review pairs with tied
 * scores, some across two streets.
 */
@SpringBootTest
class KeysetPagingTests {

    static final String STREET_A = "130102001";
    static final String STREET_B = "130102002";
    static final String OTHER = "130104001";
    static final List<String> JURISDICTIONS = List.of(STREET_A, STREET_B, "130102", "130104", "1301");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IdentityVault vault;

    @Autowired
    RejectRows rows;

    @Autowired
    Reviews reviews;

    @Autowired
    ConsoleUsers users;

    @Autowired
    WebApplicationContext context;

    /** A reject as the list orders it. */
    record Reject(long id, String unit, String template, String period) {
    }

    /** A pair as the queue orders it, with the communities of its two masters. */
    record Pair(long id, String district, double score, String communityA, String communityB) {
    }

    @BeforeEach
    void backlog() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        for (String table : List.of("org_review", "master_apart", "master_override", "master_field_source", "org_source",
                "org_master", "steward_decision", "console_user")) {
            jdbc.update("DELETE FROM " + table);
        }
        List<Long> sheets = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int n = 0;
        for (String unit : List.of(STREET_A, STREET_B, OTHER)) {
            for (String template : List.of("S3", "S1")) {
                for (String period : new String[] {"2026-10", null, "2026-09"}) {
                    jdbc.update("""
                            INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at,
                                                     status, received_at)
                            VALUES (LPAD(?, 64, '0'), ?, ?, LEFT(?, 6), ?, 1000, 0, 'loaded', NOW(6))""", n,
                            "2026-10/" + unit + "/表" + n + ".xlsx", unit, unit, period);
                    long file = jdbc.queryForObject("SELECT MAX(id) FROM ingest_file", Long.class);
                    jdbc.update("""
                            INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code,
                                                      period, rows_read, rows_loaded, rows_rejected, rows_skipped)
                            VALUES (?, '表', ?, 1, ?, LEFT(?, 6), ?, 100, 0, 100, 0)""", file, template, unit, unit, period);
                    sheets.add(jdbc.queryForObject("SELECT MAX(id) FROM ingest_sheet", Long.class));
                    sizes.add(20 + n * 7 % 13);
                    n++;
                }
            }
        }
        String cipher = vault.encrypt("{\"姓名\":\"张伟\",\"所属社区代码\":\"130102001999\"}");
        // Round robin over the sheets, so ids do not follow the list's order.
        for (int row = 0; row < 40; row++) {
            for (int s = 0; s < sheets.size(); s++) {
                if (row < sizes.get(s)) {
                    jdbc.update("""
                            INSERT INTO ingest_reject (sheet_id, row_no, template, unit_code, district_code, period, raw_cipher,
                                                       reasons, status, created_at)
                            SELECT id, ?, template, unit_code, district_code, period, ?, '所属社区代码 130102001999 不在区划表中',
                                   'open', NOW(6) FROM ingest_sheet WHERE id = ?""", row + 2, cipher, sheets.get(s));
                }
            }
        }
        // Masters: 30 in a community of each street; pairs within a street, across the two streets of 长安区, and in 桥西区.
        for (String community : List.of("130102001001", "130102002001", "130104001001")) {
            for (int m = 0; m < 30; m++) {
                jdbc.update("""
                        INSERT INTO org_master (district_code, community_code, name, norm_name, reg_status, first_period,
                                                last_period, dirty, updated_at)
                        VALUES (LEFT(?, 6), ?, ?, ?, '已备案', '2026-10', '2026-10', FALSE, NOW(6))""", community, community,
                        "协会" + community + "-" + m, "协会" + m);
            }
        }
        List<Long> masters = jdbc.queryForList("SELECT id FROM org_master ORDER BY id", Long.class);
        for (int p = 0; p < 160; p++) {
            int i = p % 30;
            int a;
            int b;
            if (p < 50) {
                a = i;
                b = (i + 1 + p / 30) % 30;
            } else if (p < 100) {
                a = 30 + i;
                b = 30 + (i + 1 + (p - 50) / 30) % 30;
            } else if (p < 140) {
                a = i;
                b = 30 + (p * 7) % 30;
            } else {
                a = 60 + i;
                b = 60 + (i + 1) % 30;
            }
            jdbc.update("""
                    INSERT IGNORE INTO org_review (district_code, master_a, master_b, score, evidence, status, opened_at)
                    SELECT district_code, ?, ?, ?, '名称相似', 'open', NOW(6) FROM org_master WHERE id = ?""",
                    masters.get(Math.min(a, b)), masters.get(Math.max(a, b)), 0.70 + (p % 4) / 100.0, masters.get(a));
        }
    }

    @Test
    void walkingTheRejectsByNextAndByPreviousGivesEveryOpenRowOfTheJurisdictionOnceInOrder() {
        for (String prefix : JURISDICTIONS) {
            Jurisdiction jurisdiction = new Jurisdiction(prefix);
            for (RejectFilter filter : List.of(RejectFilter.all(), new RejectFilter(null, null, "S1", null),
                    new RejectFilter(null, "2026-10", null, null), new RejectFilter(null, null, null, "所属社区"))) {
                List<Long> expected = expectedRejects(prefix, filter);
                assertThat(expected).as("the backlog of %s", prefix).isNotEmpty();
                List<Long> forward = new ArrayList<>();
                RejectRows.Page page = rows.page(jurisdiction, filter, Keyset.first(), false);
                int pages = 1;
                assertThat(page.slice().previous()).isNull();
                while (true) {
                    assertThat(page.total()).as("%s %s", prefix, filter).isEqualTo(expected.size());
                    assertThat(page.slice().number()).isEqualTo(pages);
                    page.lines().forEach(line -> forward.add(line.id()));
                    if (page.slice().next() == null) {
                        break;
                    }
                    page = rows.page(jurisdiction, filter, new Keyset(Keyset.Mode.AFTER, page.slice().next(), ++pages), false);
                    assertThat(page.lines()).isNotEmpty();
                }
                assertThat(forward).as("%s %s, by 下一页", prefix, filter).containsExactlyElementsOf(expected);
                assertThat(pages).isEqualTo((expected.size() + RejectFilter.PAGE_SIZE - 1) / RejectFilter.PAGE_SIZE)
                        .isEqualTo(page.slice().pages());

                List<Long> backward = new ArrayList<>();
                page = rows.page(jurisdiction, filter, new Keyset(Keyset.Mode.LAST, null, pages), false);
                assertThat(page.slice().next()).isNull();
                while (true) {
                    List<Long> ids = new ArrayList<>(page.lines().stream().map(RejectRows.Line::id).toList());
                    Collections.reverse(ids);
                    backward.addAll(ids);
                    if (page.slice().previous() == null) {
                        break;
                    }
                    page = rows.page(jurisdiction, filter, new Keyset(Keyset.Mode.BEFORE, page.slice().previous(), 1), false);
                }
                Collections.reverse(backward);
                assertThat(backward).as("%s %s, by 上一页", prefix, filter).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void walkingTheReviewQueueGivesEveryOpenPairOfTheJurisdictionOnceHighestScoreFirst() {
        for (String prefix : JURISDICTIONS) {
            Jurisdiction jurisdiction = new Jurisdiction(prefix);
            List<Long> expected = expectedPairs(prefix);
            assertThat(expected).as("the pairs of %s", prefix).isNotEmpty();
            List<Long> forward = new ArrayList<>();
            Keyset.Slice<Reviews.Line> page = reviews.page(jurisdiction, Keyset.first());
            while (true) {
                page.lines().forEach(line -> forward.add(line.id()));
                if (page.next() == null) {
                    break;
                }
                page = reviews.page(jurisdiction, new Keyset(Keyset.Mode.AFTER, page.next(), page.number() + 1));
            }
            assertThat(forward).as("%s, by 下一页", prefix).containsExactlyElementsOf(expected);

            List<Long> backward = new ArrayList<>();
            page = reviews.page(jurisdiction, new Keyset(Keyset.Mode.LAST, null, 1));
            while (true) {
                List<Long> ids = new ArrayList<>(page.lines().stream().map(Reviews.Line::id).toList());
                Collections.reverse(ids);
                backward.addAll(ids);
                if (page.previous() == null) {
                    break;
                }
                page = reviews.page(jurisdiction, new Keyset(Keyset.Mode.BEFORE, page.previous(), 1));
            }
            Collections.reverse(backward);
            assertThat(backward).as("%s, by 上一页", prefix).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aMadeUpKeyMovesThePageButShowsNothingOfAnotherJurisdiction() {
        Jurisdiction street = new Jurisdiction(STREET_A);
        List<Long> own = expectedRejects(STREET_A, RejectFilter.all());
        // Keys of another street's rows, of another district's, and at the ends of every code.
        List<String> keys = new ArrayList<>();
        for (String other : List.of(STREET_B, OTHER)) {
            for (Map<String, Object> row : jdbc.queryForList("""
                    SELECT unit_code, template, period, id FROM ingest_reject WHERE unit_code = ? ORDER BY id LIMIT 3""", other)) {
                keys.add(row.get("unit_code") + "_" + row.get("template") + "_"
                        + (row.get("period") == null ? "" : row.get("period")) + "_" + row.get("id"));
            }
        }
        keys.addAll(List.of("10_D1__0", "999999999_S4_9999-12_999999999999999999", STREET_A + "_S3__0", "130102_S1_2026-10_1"));
        for (String key : keys) {
            for (Keyset.Mode mode : List.of(Keyset.Mode.AFTER, Keyset.Mode.BEFORE)) {
                RejectRows.Page page = rows.page(street, RejectFilter.all(), new Keyset(mode, key, 7), false);
                assertThat(page.lines()).as("%s %s", mode, key).allSatisfy(line -> assertThat(line.unit()).startsWith(STREET_A));
                assertThat(page.lines().stream().map(RejectRows.Line::id).toList()).as("%s %s", mode, key)
                        .isSubsetOf(own);
                assertThat(page.total()).isEqualTo(own.size());
            }
        }
        List<Long> ownPairs = expectedPairs(STREET_A);
        for (String key : List.of("0.7300_1", "9_999999999", "0.0001_0", "0.7100_999999999999999999")) {
            for (Keyset.Mode mode : List.of(Keyset.Mode.AFTER, Keyset.Mode.BEFORE)) {
                Keyset.Slice<Reviews.Line> page = reviews.page(street, new Keyset(mode, key, 3));
                assertThat(page.lines().stream().map(Reviews.Line::id).toList()).as("%s %s", mode, key).isSubsetOf(ownPairs);
            }
        }
        for (String forged : List.of("1 OR 1=1", STREET_A + "_S3_2026-10_1'--", "0.7_1;DROP", "_S3__1")) {
            assertThatThrownBy(() -> rows.page(street, RejectFilter.all(), Keyset.of(forged, null, null, 2), false))
                    .as(forged).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reviews.page(street, Keyset.of(null, forged, null, 2)))
                    .as(forged).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRowCorrectedOrSupersededMeanwhileMakesNoOtherRowSkipAPageAndTheCountsFollow() {
        Jurisdiction district = new Jurisdiction("130102");
        List<Long> expected = expectedRejects("130102", RejectFilter.all());
        RejectRows.Page first = rows.page(district, RejectFilter.all(), false);
        jdbc.update("UPDATE ingest_reject SET status = 'corrected' WHERE id = ?", first.lines().get(0).id());
        jdbc.update("UPDATE ingest_reject SET status = 'superseded' WHERE id = ?", first.lines().get(1).id());
        jdbc.update("DELETE FROM ingest_reject WHERE id = ?", expected.get(RejectFilter.PAGE_SIZE + 5));
        RejectRows.Page second = rows.page(district, RejectFilter.all(), new Keyset(Keyset.Mode.AFTER, first.slice().next(), 2),
                false);
        assertThat(second.lines().get(0).id()).isEqualTo(expected.get(RejectFilter.PAGE_SIZE));
        assertThat(second.total()).isEqualTo(expected.size() - 3)
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open' AND unit_code LIKE '130102%'",
                        Long.class));
        assertThat(rows.open(district)).isEqualTo(expected.size() - 3);
        assertThat(rows.choices(district).units()).containsExactly(STREET_A, STREET_B);
        assertThat(rows.choices(district).periods()).containsExactly("2026-10", "2026-09");
    }

    @Test
    void thePagerLinksCarryTheKeyAndAForgedOneIsRefusedOverHttp() throws Exception {
        users.add("liu", Role.STEWARD, new Jurisdiction("130102"), "keyset-test-pw", false);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        List<Long> expected = expectedRejects("130102", RejectFilter.all());
        String first = mvc.perform(get("/rejects").with(ConsoleTestSupport.as(users, "liu"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(first).contains("第 1 / " + (expected.size() + 49) / 50 + " 页").doesNotContain("id=\"previous\"");
        Matcher next = Pattern.compile("<a id=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = mvc.perform(get(HtmlUtils.htmlUnescape(next.group(1))).with(ConsoleTestSupport.as(users, "liu")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("第 2 / ").contains("id=\"previous\"")
                .contains("/rejects/" + expected.get(RejectFilter.PAGE_SIZE) + "\"")
                .doesNotContain("/rejects/" + expected.get(RejectFilter.PAGE_SIZE - 1) + "\"");
        assertThat(mvc.perform(get("/rejects").param("after", "1 OR 1=1").with(ConsoleTestSupport.as(users, "liu")))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/reviews").param("before", "x").with(ConsoleTestSupport.as(users, "liu")))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        String pairs = mvc.perform(get("/reviews").with(ConsoleTestSupport.as(users, "liu"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(pairs).contains("id=\"next\"").doesNotContain("id=\"previous\"");
    }

    /** The open rejects of the jurisdiction and filter in the list's order: unit, template, month (none first), id. */
    private List<Long> expectedRejects(String prefix, RejectFilter filter) {
        List<Reject> all = jdbc.query("SELECT id, unit_code, template, period, reasons FROM ingest_reject WHERE status = 'open'",
                (rs, n) -> new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        return all.stream().filter(r -> r.unit().startsWith(prefix))
                .filter(r -> filter.template() == null || filter.template().equals(r.template()))
                .filter(r -> filter.period() == null || filter.period().equals(r.period()))
                .sorted(Comparator.comparing(Reject::unit).thenComparing(Reject::template)
                        .thenComparing(Reject::period, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Reject::id))
                .map(Reject::id).toList();
    }

    /** The open pairs the jurisdiction sees (a street: either master in it), highest score first, then newest. */
    private List<Long> expectedPairs(String prefix) {
        List<Pair> all = jdbc.query("""
                SELECT r.id, r.district_code, r.score, a.community_code, b.community_code FROM org_review r
                JOIN org_master a ON a.id = r.master_a JOIN org_master b ON b.id = r.master_b WHERE r.status = 'open'""",
                (rs, n) -> new Pair(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5)));
        List<Long> ids = all.stream()
                .filter(p -> prefix.length() == 9 ? p.communityA().startsWith(prefix) || p.communityB().startsWith(prefix)
                        : p.district().startsWith(prefix))
                .sorted(Comparator.comparingDouble(Pair::score).reversed().thenComparing(Comparator.comparingLong(Pair::id).reversed()))
                .map(Pair::id).toList();
        assertThat(new LinkedHashSet<>(ids)).hasSize(ids.size());
        return ids;
    }
}
