package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.bench.NationalScenario.Community;
import cn.sanshe.pipeline.bench.NationalScenario.District;
import cn.sanshe.pipeline.bench.NationalScenario.Organization;
import cn.sanshe.pipeline.bench.NationalScenario.Street;
import cn.sanshe.pipeline.bench.NationalScenario.Unit;
import cn.sanshe.pipeline.bench.NationalScenario.Worker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link NationalScenario} as its streets and districts send it: the division reference
 * CSV, and per month {@code <inbox>/<yyyy-MM>/<unit>/<file>} — every street S1–S4 as four files,
 * every district D1–D3 as three — in UTF-8 CSV (a third with a BOM), GBK CSV and .xlsx (streamed
 * with SXSSF), each with a title row naming the unit and month above the header, as clerks fill
 * them in. Row by row and unit by unit: one unit's rows at a time are in memory.
 *
 * <p>Every row is valid except one roster row in {@link NationalScenario#BAD_ID_EVERY} (a mistyped
 * identity number, which ingest must reject); a third of the S1 files end with a 合计 row (skipped).
 * What was written is counted per template in {@link Counts}.
 */
final class NationalInbox {

    enum Template { S1, S2, S3, S4, D1, D2, D3 }

    private static final Charset GBK = Charset.forName("GBK");

    /** Files and rows written, per template; {@code rejects} and {@code skipped} as ingest must count them. */
    static final class Counts {
        final Map<Template, LongAdder> files = new EnumMap<>(Template.class);
        final Map<Template, LongAdder> rows = new EnumMap<>(Template.class);
        final LongAdder rejects = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final Map<String, LongAdder> formats = new java.util.TreeMap<>();

        Counts() {
            for (Template t : Template.values()) {
                files.put(t, new LongAdder());
                rows.put(t, new LongAdder());
            }
            for (String f : List.of("csv utf-8", "csv utf-8 bom", "csv gbk", "xlsx")) {
                formats.put(f, new LongAdder());
            }
        }

        long files() {
            return files.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long rows() {
            return rows.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long orgRows() {
            return rows.get(Template.S2).sum() + rows.get(Template.D1).sum();
        }

        long workerRows() {
            return rows.get(Template.S3).sum() + rows.get(Template.D3).sum();
        }

        String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "files %,d (%.1f MB)", files(), bytes.sum() / 1e6));
            formats.forEach((f, n) -> out.append(String.format(Locale.ROOT, "; %s %,d", f, n.sum())));
            out.append(String.format(Locale.ROOT, "%nrows %,d: organization rows (S2 + D1) %,d, worker rows (S3 + D3) %,d;",
                    rows(), orgRows(), workerRows()));
            for (Template t : Template.values()) {
                out.append(String.format(Locale.ROOT, " %s %,d", t, rows.get(t).sum()));
            }
            out.append(String.format(Locale.ROOT, "%nrows ingest must reject %,d (mistyped identity numbers), skip %,d (合计 rows)",
                    rejects.sum(), skipped.sum()));
            return out.toString();
        }
    }

    /** A sheet as it is written: title, header, rows of String / Number / LocalDate cells. */
    private record Sheet(String name, String title, List<String> header, List<List<Object>> rows) {
    }

    private final NationalScenario country;
    private final Counts counts = new Counts();
    /** Counting what would be written, writing nothing: for a scenario already on disk. */
    private boolean countOnly;

    /**
     * Writes a scenario on its own: {@code [--scale=0.1] [--out=target/bench/national-0.1] [--months=2026-08,2026-09,2026-10]
     * [--seed=17] [--threads=N]}; the reference goes to {@code <out>/divisions.csv}, the files under {@code <out>/inbox}.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        double scale = Double.parseDouble(options.getOrDefault("scale", "0.1"));
        Path out = Path.of(options.getOrDefault("out", "target/bench/national-" + scale));
        List<YearMonth> months = java.util.Arrays.stream(options.getOrDefault("months", "2026-08,2026-09,2026-10")
                .split(",")).map(YearMonth::parse).toList();
        NationalScenario country = new NationalScenario(scale, Long.parseLong(options.getOrDefault("seed", "17")));
        NationalInbox inbox = new NationalInbox(country);
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        long lines = inbox.writeDivisions(out.resolve("divisions.csv"));
        inbox.writeMonths(out.resolve("inbox"), months, Integer.parseInt(options.getOrDefault("threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()))));
        double seconds = (System.nanoTime() - start) / 1e9;
        HeapWatch.Figures figures = heap.stop();
        heap.close();
        System.out.printf(Locale.ROOT, "scale %s: %,d divisions, %s%nwritten in %.1f s; peak heap %d MB (after GC %d MB) of %d MB%n",
                scale, lines, inbox.counts().summary(), seconds, figures.sumOfPoolPeaks() >> 20, figures.maxAfterGc() >> 20,
                figures.maxHeap() >> 20);
    }

    NationalInbox(NationalScenario country) {
        this.country = country;
    }

    Counts counts() {
        return counts;
    }

    /** The division reference, streamed: provinces, cities, then each district with its streets and communities. */
    long writeDivisions(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,level,parent_code,urban_rural\n");
            List<Unit> top = new ArrayList<>(country.provinces());
            top.addAll(country.cities());
            for (Unit u : top) {
                out.write(u.code12() + "," + u.name() + "," + u.level() + "," + (u.parent12() == null ? "" : u.parent12()) + ",\n");
                lines++;
            }
            for (int d = 0; d < country.districtCount(); d++) {
                District district = country.district(d);
                out.write(district.code6() + "000000," + district.name() + ",district," + district.code6().substring(0, 4)
                        + "00000000,\n");
                lines++;
                for (Street street : country.streets(district)) {
                    out.write(street.code9() + "000," + street.name() + ",street," + district.code6() + "000000,\n");
                    lines++;
                    for (Community c : country.communities(street)) {
                        out.write(c.code12() + "," + c.name() + ",community," + street.code9() + "000,"
                                + (c.rural() ? "rural" : "urban") + "\n");
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    /** Every unit's files of these months, on {@code threads} threads. */
    void writeMonths(Path inbox, List<YearMonth> months, int threads) throws IOException {
        YearMonth first = months.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (YearMonth month : months) {
                for (int d = 0; d < country.districtCount(); d++) {
                    District district = country.district(d);
                    pending.add(pool.submit((Callable<Void>) () -> {
                        writeDistrict(inbox, district, first, month);
                        return null;
                    }));
                    for (Street street : country.streets(district)) {
                        pending.add(pool.submit((Callable<Void>) () -> {
                            writeStreet(inbox, street, first, month);
                            return null;
                        }));
                    }
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the national inbox");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts the files and rows of these months as {@link #writeMonths} would write them, writing nothing. */
    void count(List<YearMonth> months) throws IOException {
        countOnly = true;
        writeMonths(Path.of("."), months, Runtime.getRuntime().availableProcessors());
    }

    private void writeStreet(Path inbox, Street street, YearMonth first, YearMonth month) throws IOException {
        List<Community> communities = country.communities(street);
        String when = month.getYear() + "年" + month.getMonthValue() + "月";
        Path dir = inbox.resolve(month.toString()).resolve(street.code9());

        List<List<Object>> s1 = new ArrayList<>();
        long households = 0;
        long population = 0;
        for (Community c : communities) {
            long h = country.hash(10, street.district().index(), c.ordinalInDistrict(), month.getMonthValue());
            long base = country.hash(11, street.district().index(), c.ordinalInDistrict());
            int hh = 600 + (int) (base % 2400) + (int) (h % 20);
            int pop = hh * 27 / 10 + (int) (h % 50);
            households += hh;
            population += pop;
            s1.add(List.of(c.code12(), c.name(), c.rural() ? "农村社区" : "城市社区", hh, pop,
                    base % 5 == 0 ? "" : Integer.toString(200 + (int) ((base >>> 8) % 600)), 2 + (int) ((base >>> 20) % 6),
                    30 + (int) ((h >>> 8) % 300)));
        }
        if (country.hash(12, street.district().index(), street.index()) % 3 == 0) {
            s1.add(List.of("合计", "", "", households, population, "", "", ""));
            counts.skipped.increment();
        }
        write(dir, street.code9(), Template.S1, new Sheet("社区基本情况", street.name() + "社区基本情况表（" + when + "）",
                List.of("社区代码", "社区名称", "城乡类型", "户数", "常住人口", "综合服务设施面积", "网格数", "注册志愿者人数"), s1),
                s1.size() - (s1.size() > communities.size() ? 1 : 0));

        List<List<Object>> s2 = new ArrayList<>();
        for (Community c : communities) {
            for (Organization o : country.organizations(c, first)) {
                if (!o.from().isAfter(month)) {
                    s2.add(List.of(o.name(), o.registered() ? o.creditCode() : "", o.registered() ? "已登记" : "已备案",
                            o.registered() ? "" : "BA" + c.code12() + o.index(), o.type(), o.domain(), o.person(),
                            o.phone(), c.code12(), o.founded(), "", "否"));
                }
            }
        }
        write(dir, street.code9(), Template.S2, new Sheet("社区社会组织", street.name() + "社区社会组织台账（" + when + "）",
                List.of("组织名称", "统一社会信用代码", "登记状态", "备案编号", "组织类型", "服务领域", "负责人", "联系电话",
                        "所属社区代码", "成立日期", "评估等级", "是否社工机构"), s2), s2.size());

        List<List<Object>> s3 = new ArrayList<>();
        for (Community c : communities) {
            for (Worker w : country.workers(c, first)) {
                if (!w.from().isAfter(month)) {
                    String id = w.idNumber();
                    if (country.mistyped(w, month)) {
                        id = NationalScenario.mistype(id);
                        counts.rejects.increment();
                    }
                    s3.add(List.of(w.name(), id, w.gender(), w.birth(), w.education(), w.political(), w.post(),
                            w.committee() ? "是" : "否", w.swPost() ? "是" : "否", w.certLevel(),
                            w.certNo() == null ? "" : w.certNo(), c.code12(), w.hired(), w.phone()));
                }
            }
        }
        write(dir, street.code9(), Template.S3, new Sheet("花名册", street.name() + "社区工作者花名册（" + when + "）",
                List.of("姓名", "身份证号", "性别", "出生日期", "学历", "政治面貌", "职务", "是否居委会成员", "社会工作专业岗位",
                        "社工证等级", "证书编号", "所属社区代码", "入职日期", "联系电话"), s3), s3.size());

        long h = country.hash(13, street.district().index(), street.index());
        boolean built = h % 5 != 0;
        List<List<Object>> s4 = List.of(List.of(street.code9(), street.name(), built ? "是" : "否",
                built ? Integer.toString(300 + (int) ((h >>> 8) % 1200)) : "",
                built ? LocalDate.of(2015, 1, 1).plusDays((h >>> 20) % 3000) : ""));
        write(dir, street.code9(), Template.S4, new Sheet("街道综合服务中心", street.name() + "综合服务中心情况（" + when + "）",
                List.of("街道代码", "街道名称", "是否建成", "中心面积", "启用日期"), s4), 1);
    }

    private void writeDistrict(Path inbox, District district, YearMonth first, YearMonth month) throws IOException {
        String when = month.getYear() + "年" + month.getMonthValue() + "月";
        Path dir = inbox.resolve(month.toString()).resolve(district.code6());
        List<Street> streets = country.streets(district);

        List<List<Object>> d1 = new ArrayList<>();
        List<List<Object>> d3 = new ArrayList<>();
        for (Street street : streets) {
            for (Community c : country.communities(street)) {
                for (Organization o : country.organizations(c, first)) {
                    if (o.registered() && !o.from().isAfter(month)) {
                        d1.add(List.of(o.creditCode(), o.legalName(), o.type(), o.founded(), "正常", o.person(),
                                district.cityName() + district.name() + street.name() + c.name(), c.code12(), "", "否"));
                    }
                }
                for (Worker w : country.workers(c, first)) {
                    if (w.certNo() != null && !w.from().isAfter(month)) {
                        d3.add(List.of(w.name(), w.idNumber(), w.certLevel(), w.certNo(), Integer.toString(w.certYear()),
                                street.name() + c.name() + (c.rural() ? "村民委员会" : "居民委员会"), street.code9()));
                    }
                }
            }
        }
        write(dir, district.code6(), Template.D1, new Sheet("登记社会组织", district.name() + "登记社会组织名录（" + when + "）",
                List.of("统一社会信用代码", "组织名称", "组织类型", "登记日期", "登记状态", "法定代表人", "住所", "所属社区代码",
                        "评估等级", "是否社工机构"), d1), d1.size());

        List<List<Object>> d2 = new ArrayList<>();
        long h = country.hash(14, district.index());
        d2.add(List.of(district.name() + "社会组织孵化基地", "区级", district.code6(), "", 800 + (int) (h % 1200),
                LocalDate.of(2016, 1, 1).plusDays((h >>> 12) % 2000), 10 + (int) ((h >>> 24) % 20), 40, 25));
        for (Street street : streets) {
            if (street.index() % 3 == 0) {
                long hs = country.hash(15, district.index(), street.index());
                d2.add(List.of(street.name() + "社会组织孵化站", "街道级", district.code6(), street.code9(),
                        150 + (int) (hs % 300), LocalDate.of(2018, 1, 1).plusDays((hs >>> 12) % 1500),
                        3 + (int) ((hs >>> 24) % 8), 12, 6));
            }
        }
        write(dir, district.code6(), Template.D2, new Sheet("孵化基地", district.name() + "社会组织孵化基地名录（" + when + "）",
                List.of("基地名称", "级别", "所在区代码", "所在街道代码", "面积", "启用日期", "在孵组织数", "累计孵化数", "出壳组织数"),
                d2), d2.size());

        write(dir, district.code6(), Template.D3, new Sheet("持证社工", district.name() + "社会工作者持证名录（" + when + "）",
                List.of("姓名", "身份证号", "证书等级", "证书编号", "取得年份", "工作单位", "所在街道代码"), d3), d3.size());
    }

    private void write(Path dir, String unit, Template template, Sheet sheet, int dataRows) throws IOException {
        counts.files.get(template).increment();
        counts.rows.get(template).add(dataRows);
        if (countOnly) {
            return;
        }
        Files.createDirectories(dir);
        long h = country.hash(20, Long.parseLong(unit), template.ordinal());
        int pick = (int) (h % 20);
        Path file;
        String format;
        if (pick >= 17) {
            file = dir.resolve(template + "-" + sheet.name() + ".xlsx");
            writeXlsx(file, sheet);
            format = "xlsx";
        } else if (pick >= 9) {
            file = dir.resolve(template + "-" + sheet.name() + ".csv");
            writeCsv(file, sheet, GBK, false);
            format = "csv gbk";
        } else {
            boolean bom = pick % 3 == 0;
            file = dir.resolve(template + "-" + sheet.name() + ".csv");
            writeCsv(file, sheet, StandardCharsets.UTF_8, bom);
            format = bom ? "csv utf-8 bom" : "csv utf-8";
        }
        counts.formats.get(format).increment();
        counts.bytes.add(Files.size(file));
    }

    private static void writeCsv(Path file, Sheet sheet, Charset charset, boolean bom) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                Writer out = new BufferedWriter(new OutputStreamWriter(raw, charset), 1 << 15)) {
            if (bom) {
                out.write('\uFEFF');
            }
            out.write(sheet.title());
            out.write("\r\n");
            out.write(String.join(",", sheet.header()));
            out.write("\r\n");
            StringBuilder line = new StringBuilder(256);
            for (List<Object> row : sheet.rows()) {
                line.setLength(0);
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(row.get(c));
                }
                line.append("\r\n");
                out.write(line.toString());
            }
        }
    }

    /** Streaming with SXSSF (100 rows in memory); dates as date cells, numbers as numbers. */
    private static void writeXlsx(Path file, Sheet data) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet sheet = workbook.createSheet(data.name());
            sheet.createRow(0).createCell(0).setCellValue(data.title());
            SXSSFRow header = sheet.createRow(1);
            for (int c = 0; c < data.header().size(); c++) {
                header.createCell(c).setCellValue(data.header().get(c));
            }
            int r = 2;
            for (List<Object> values : data.rows()) {
                SXSSFRow row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof String s && s.isEmpty()) {
                        continue;
                    }
                    SXSSFCell cell = row.createCell(c);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } finally {
            workbook.close();
        }
    }
}
