package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Section;
import java.util.List;

/** Turns an edition's stored figures into what its pages print. */
public final class DashboardBuilder {

    private DashboardBuilder() {
    }

    public static Dashboard build(EditionFigures edition) {
        String scopeName = edition.scope().unit().name();
        String periodLabel = edition.yearly() ? Labels.get("period.year", edition.period().getYear())
                : Labels.get("period.month", edition.period().getYear(), edition.period().getMonthValue());
        String title = Labels.get(edition.yearly() ? "title.yearly" : "title.monthly", scopeName, periodLabel);
        String profile = edition.profile() == null ? Labels.get("profile.none")
                : edition.profileTitle() == null ? edition.profile()
                : edition.profileTitle() + "（" + edition.profile() + "）";
        String subtitle = Labels.get("subtitle", scopeName + "（" + edition.scope().code() + "）",
                edition.yearly() ? periodLabel + "，年末数据为12月" : periodLabel, profile);
        String totalWord = switch (edition.scope().unit().level()) {
            case PROVINCE -> "省";
            case DISTRICT -> "区（县）";
            case STREET -> "街道";
            default -> "市";
        };
        List<SectionView> sections = List.of(Sections.of(Section.FACILITIES, edition),
                Sections.of(Section.INCUBATORS, edition), Sections.of(Section.STAFFING, edition),
                Sections.of(Section.ORGANIZATIONS, edition));
        return new Dashboard(title, subtitle, Labels.get("legend", totalWord), edition.yearly(), edition.cutoff(),
                edition.generated(), Headline.rows(edition), sections, Sections.of(Section.DATA_QUALITY, edition),
                Labels.get("annex.streets"), edition.streets());
    }
}
