package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Section;
import cn.sanshe.pipeline.indicators.StreetSubmission;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Turns an edition's stored figures into what its pages print. */
public final class DashboardBuilder {

    private DashboardBuilder() {
    }

    /** The title of an edition, as the PDF, its file name and the mail's subject say it. */
    public static String title(String scopeName, String period, YearMonth asOf, Marking.Kind kind) {
        boolean yearly = period.length() == 4;
        YearMonth month = yearly ? null : YearMonth.parse(period);
        String periodLabel = !yearly ? Labels.get("period.month", month.getYear(), month.getMonthValue())
                : asOf == null || asOf.getMonthValue() == 12 ? Labels.get("period.year", Integer.parseInt(period))
                : Labels.get("period.yearPartial", asOf.getYear(), asOf.getMonthValue());
        String title = Labels.get(yearly ? "title.yearly" : "title.monthly", scopeName, periodLabel);
        return switch (kind) {
            case PROVISIONAL -> title + Labels.get("title.provisional");
            case CORRECTION -> title + Labels.get("title.correction");
            default -> title;
        };
    }

    /** What a figure is called on page 1 and in the mail. */
    public static String figureName(cn.sanshe.pipeline.indicators.Indicator indicator, String variant) {
        return Headline.name(indicator, variant);
    }

    public static Dashboard build(EditionFigures edition) {
        String scopeName = edition.scope().unit().name();
        YearMonth period = edition.period();
        String monthLabel = Labels.get("period.month", period.getYear(), period.getMonthValue());
        String periodLabel = edition.yearly() ? Labels.get("period.year", period.getYear()) : monthLabel;
        Marking marking = edition.marking();
        String title = title(scopeName, edition.yearly() ? String.valueOf(period.getYear()) : period.toString(),
                period, marking.kind());
        String profile = edition.profile() == null ? Labels.get("profile.none")
                : edition.profileTitle() == null ? edition.profile() : edition.profileTitle();
        String statPeriod = edition.yearly()
                ? Labels.get("period.yearAsOf", period.getYear(), period.getMonthValue())
                : monthLabel;
        String subtitle = Labels.get("subtitle", scopeName, statPeriod, profile);
        String totalWord = switch (edition.scope().unit().level()) {
            case PROVINCE -> "省";
            case DISTRICT -> "区（县）";
            case STREET -> "街道";
            default -> "市";
        };
        String banner = switch (marking.kind()) {
            case PROVISIONAL -> Labels.get("banner.provisional");
            case CORRECTION -> Labels.get("banner.correction", marking.changes().size());
            default -> null;
        };
        Headline.Page page = Headline.of(edition);
        List<SectionView> sections = List.of(Sections.of(Section.FACILITIES, edition),
                Sections.of(Section.INCUBATORS, edition), Sections.of(Section.STAFFING, edition),
                Sections.of(Section.ORGANIZATIONS, edition));
        String streetsTitle = edition.yearly()
                ? Labels.get("annex.streets.year", period.getYear(), period.getMonthValue())
                : Labels.get("annex.streets");
        SectionView quality = Sections.of(Section.DATA_QUALITY, edition);
        if (edition.yearly()) {               // the rates are the last month's; the street table is the year's
            quality = new SectionView(Labels.get("annex.yearTitle", quality.title(), period.getMonthValue()),
                    quality.unitHeader(), quality.headers(), quality.rows(), quality.chartTitle(), quality.bars(),
                    quality.trendTitle(), quality.trend(), quality.chartUnit());
        }
        return new Dashboard(title, subtitle, Labels.get("legend", totalWord), edition.yearly(), edition.cutoff(),
                edition.generated(), banner, page.verdict(), page.rows(), page.context(), marking, sections,
                quality, streetsTitle, streets(edition), page.movers(),
                edition.yearly() ? statPeriod : monthLabel);
    }

    /** The annex's street lines: the month's, or for a yearly edition the months sent of the months covered. */
    static List<StreetLine> streets(EditionFigures edition) {
        List<StreetLine> lines = new ArrayList<>();
        if (!edition.yearly() || edition.streetMonths().isEmpty()) {
            String sent = Labels.get("annex.sent");
            String missing = Labels.get("annex.missing");
            for (StreetSubmission s : edition.streets()) {
                lines.add(new StreetLine(s.districtName(), s.streetName(), s.sentS1() ? sent : missing,
                        s.sentS2() ? sent : missing, s.sentS3() ? sent : missing, s.sentS4() ? sent : missing,
                        s.sentS1(), s.sentS2(), s.sentS3(), s.sentS4(), s.rejectedRows(), s.openWithStewards()));
            }
            return lines;
        }
        int months = edition.streetMonths().size();
        Map<String, List<StreetSubmission>> byStreet = new LinkedHashMap<>();
        edition.streetMonths().values().forEach(list -> list.forEach(
                s -> byStreet.computeIfAbsent(s.streetCode(), k -> new ArrayList<>()).add(s)));
        for (List<StreetSubmission> street : byStreet.values()) {
            StreetSubmission first = street.get(0);
            long rejected = street.stream().mapToLong(StreetSubmission::rejectedRows).sum();
            // still open: as the last month covered says (earlier months' open rows are in it or were handled)
            long open = street.get(street.size() - 1).openWithStewards();
            int s1 = count(street, StreetSubmission::sentS1);
            int s2 = count(street, StreetSubmission::sentS2);
            int s3 = count(street, StreetSubmission::sentS3);
            int s4 = count(street, StreetSubmission::sentS4);
            lines.add(new StreetLine(first.districtName(), first.streetName(), s1 + "/" + months, s2 + "/" + months,
                    s3 + "/" + months, s4 + "/" + months, s1 == months, s2 == months, s3 == months, s4 == months,
                    rejected, open));
        }
        return lines;
    }

    private static int count(List<StreetSubmission> months, Predicate<StreetSubmission> sent) {
        return (int) months.stream().filter(sent).count();
    }
}
