package cn.sanshe.pipeline.demo;

import cn.sanshe.pipeline.demo.internal.DemoCity;
import cn.sanshe.pipeline.demo.internal.Geography;
import cn.sanshe.pipeline.demo.internal.InboxWriter;
import cn.sanshe.pipeline.demo.internal.WrittenFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The demo city's inbox as streets and districts would send it: every template, every format and
 * encoding, the layout mess of sources.md and a handful of wrong rows per month. The same seed
 * gives the same bytes, and a month's files do not depend on which other months are written.
 */
public final class DemoInbox {

    private DemoInbox() {
    }

    /** Writes the demo inbox for these months under {@code inbox}; the same seed gives the same bytes. */
    public static Summary write(Path inbox, List<YearMonth> months, long seed) throws IOException {
        Objects.requireNonNull(inbox, "inbox");
        DemoCity city = DemoCity.build(Geography.load(), seed);
        InboxWriter writer = new InboxWriter(inbox, city);
        List<Summary.File> files = new ArrayList<>();
        for (YearMonth month : new TreeSet<>(months)) {
            for (WrittenFile f : writer.writeMonth(month)) {
                files.add(new Summary.File(f.relativePath(), f.templates(), f.unit(), f.period(), f.dataRows()));
            }
        }
        return new Summary(files);
    }

    /** What was written: one entry per file, path relative to the inbox. */
    public record Summary(List<File> files) {

        public Summary {
            files = List.copyOf(files);
        }

        /**
         * @param relativePath {@code yyyy-MM/<unit code>/<file name>}, '/'-separated
         * @param template     S1 … D3, or two joined with '+' ("S2+S3") for a workbook holding both
         * @param unit         the street's 9 digits or the district's 6
         * @param dataRows     rows a reader should load or reject (titles, headers, 合计 rows,
         *                     signatures and blank rows excluded), deliberately wrong rows included
         */
        public record File(String relativePath, String template, String unit, YearMonth period, int dataRows) {
        }
    }
}
