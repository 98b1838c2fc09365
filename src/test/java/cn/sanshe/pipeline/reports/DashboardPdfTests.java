package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.reports.layout.Formats;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.reports.render.JasperTemplates;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The templates filled from editions built in memory (no database), read back with PDFBox: every
 * figure of every section line is printed as the figures say, in Chinese, with the embedded font.
 */
class DashboardPdfTests {

    static final Path OUT = Path.of("target/test-work/pdf");
    static final DashboardPdf PDF = new DashboardPdf(new JasperTemplates());

    static EditionFigures monthly;
    static PdfText monthlyText;
    static EditionFigures yearly;
    static PdfText yearlyText;

    @BeforeAll
    static void render() throws Exception {
        monthly = DashboardSamples.monthly(YearMonth.of(2026, 10));
        PDF.write(DashboardBuilder.build(monthly), OUT.resolve("monthly.pdf"));
        monthlyText = PdfText.read(OUT.resolve("monthly.pdf"));
        yearly = DashboardSamples.yearly(2026);
        PDF.write(DashboardBuilder.build(yearly), OUT.resolve("yearly.pdf"));
        yearlyText = PdfText.read(OUT.resolve("yearly.pdf"));
    }

    @Test
    void everySectionLinePrintsTheFiguresOfItsUnit() {
        for (EditionFigures edition : List.of(monthly, yearly)) {
            PdfText text = edition == monthly ? monthlyText : yearlyText;
            String period = edition.period().toString();
            for (Section section : Section.values()) {
                for (Scope.Unit district : DashboardSamples.DISTRICTS) {
                    List<String> line = Printed.sectionLine(edition.values(), section, district.code(), period);
                    assertThat(text.hasLine(district.name(), line)).as("%s %s: %s", section, district.name(), line)
                            .isTrue();
                }
                assertThat(text.hasLine("合计", Printed.sectionLine(edition.values(), section, DashboardSamples.CITY,
                        period))).as("total line of %s", section).isTrue();
            }
        }
    }

    @Test
    void pageOneIsTheVerdictThenTheTargetedFiguresThenTheContext() {
        IndicatorValue coverage = Printed.figure(monthly.values(), "FAC_COMMUNITY_COVERAGE", "all",
                DashboardSamples.CITY, "2026-10");
        IndicatorValue before = Printed.figure(monthly.lastMonth(), "FAC_COMMUNITY_COVERAGE", "all",
                DashboardSamples.CITY, "2026-09");
        String status = switch (coverage.status()) {
            case "green" -> "达标";
            case "amber" -> "接近目标";
            default -> "未达标";
        };
        long green = monthly.values().stream().filter(v -> v.scope().equals(DashboardSamples.CITY)
                && !v.indicator().startsWith("DQ_") && "green".equals(v.status())).count();
        assertThat(monthlyText.text()).contains("对照目标\n达标 " + green + " 项");
        assertThat(monthlyText.lines()).contains("社区综合服务设施覆盖率 "
                + Formats.text(Indicator.FAC_COMMUNITY_COVERAGE, coverage.value()) + " ≥ 60.0% " + status + " "
                + Formats.change(Indicator.FAC_COMMUNITY_COVERAGE, coverage.value(), before.value()));
        // names, never codes; a figure without a target is not on page 1's list but in its section
        String pageOne = monthlyText.text().substring(0, monthlyText.text().indexOf("第 1 页"));
        assertThat(pageOne).doesNotContain("shijiazhuang-2020", "130100000000", "未设目标", "每名社区工作者服务户数");
        assertThat(pageOne).contains("基本情况（不设目标）", "社区工作者", "其中社区社会组织");
        assertThat(monthlyText.hasLine("新华区", Printed.sectionLine(monthly.values(), Section.STAFFING,
                "130105000000", "2026-10"))).isTrue();
        assertThat(Printed.sectionLine(monthly.values(), Section.STAFFING, "130105000000", "2026-10")).contains("—");
    }

    @Test
    void chineseTitlesFooterOnEveryPageAndOnlyTheEmbeddedFont() {
        assertThat(monthlyText.lines().get(0)).isEqualTo("石家庄市三社联动监测月报（2026年10月）");
        assertThat(monthlyText.text()).contains("一、设施覆盖", "二、孵化基地", "三、人才队伍", "四、社区社会组织",
                "附件：数据质量", "各街道报送明细", "青园街道");
        for (int page = 1; page <= monthlyText.pages(); page++) {
            assertThat(monthlyText.text()).contains("第 " + page + " 页/ 共 " + monthlyText.pages() + " 页");
        }
        assertThat(monthlyText.lines().stream().filter(l -> l.startsWith("数据截止（北京时间）：2026-11-01 02:15 生成时间：2026-11-01 06:00")))
                .hasSize(monthlyText.pages());
        assertThat(monthlyText.fonts()).isNotEmpty().allSatisfy(font -> assertThat(font).contains("WenQuanYiMicroHei"));
        assertThat(monthlyText.embedded()).containsOnly(true);
    }

    @Test
    void yearlyAddsTrendAndChangeOnLastYear() {
        assertThat(yearlyText.lines().get(0)).isEqualTo("石家庄市三社联动监测年报（2026年）");
        assertThat(yearlyText.text()).contains("较上月", "较上年末", "社区设施覆盖率 · 石家庄市2026年逐月", "12月",
                "截至2026年12月");
        assertThat(monthlyText.text()).doesNotContain("较上年末", "逐月");
        IndicatorValue now = Printed.figure(yearly.values(), "FAC_COMMUNITY_COVERAGE", "all", DashboardSamples.CITY,
                "2026-12");
        IndicatorValue then = Printed.figure(yearly.lastYear(), "FAC_COMMUNITY_COVERAGE", "all", DashboardSamples.CITY,
                "2025-12");
        assertThat(yearlyText.text()).contains(Formats.change(Indicator.FAC_COMMUNITY_COVERAGE, now.value(),
                then.value()));
    }
}
