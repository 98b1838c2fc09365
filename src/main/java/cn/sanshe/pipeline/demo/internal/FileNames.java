package cn.sanshe.pipeline.demo.internal;

import java.time.YearMonth;
import java.util.List;

/** File names as units give them: in Chinese, with the month written however they like. */
final class FileNames {

    private static final List<String> SUFFIXES = List.of("（最终版）", "(1)", "-修改", "（盖章版）");

    private FileNames() {
    }

    static String of(List<Template> templates, String unit, YearMonth month, Rng rng, FileFormat format) {
        int y = month.getYear();
        int m = month.getMonthValue();
        String ym = y + "年" + m + "月";
        String dotted = y + "." + (m < 10 ? "0" + m : String.valueOf(m));
        String base;
        if (templates.size() > 1) {
            base = rng.pick(List.of(unit + ym + "报表", unit + m + "月份报送材料", unit + ym + "三社联动统计表"));
        } else {
            String title = templates.get(0).title();
            base = switch (rng.between(0, 3)) {
                case 0 -> unit + title + ym;
                case 1 -> unit + title + "（" + ym + "）";
                case 2 -> ym + unit + title;
                default -> unit + title + dotted;
            };
        }
        if (rng.chance(0.12)) {
            base += rng.pick(SUFFIXES);
        }
        return base + "." + format.extension();
    }
}
