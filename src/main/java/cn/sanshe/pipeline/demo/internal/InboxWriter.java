package cn.sanshe.pipeline.demo.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Decides, per unit and month, which files the unit sends and writes them under
 * {@code <inbox>/<yyyy-MM>/<unit code>/}. A street sends S1–S4 as four files or bundles two
 * templates in one workbook; a district sends D1–D3. Formats rotate over units and templates so
 * that every format and encoding is present whatever the seed.
 */
public final class InboxWriter {

    private final Path inbox;
    private final DemoCity city;
    private final long seed;

    public InboxWriter(Path inbox, DemoCity city) {
        this.inbox = inbox;
        this.city = city;
        this.seed = city.seed();
    }

    /**
     * Units are written in parallel: each file depends only on the seed, its unit and the month,
     * so the bytes are the same in any order, and the list comes back in unit order.
     */
    public List<WrittenFile> writeMonth(YearMonth month) throws IOException {
        Mistakes mistakes = Mistakes.choose(city, month);
        List<Callable<List<WrittenFile>>> units = new ArrayList<>();
        int unitIndex = 0;
        for (Street street : city.geography().streets()) {
            Unit unit = new Unit(street.code(), street.name(), street.name(), unitIndex++, street, null);
            units.add(() -> writeAll(unit, streetGroups(street), month, mistakes));
        }
        for (District district : city.geography().districts()) {
            Unit unit = new Unit(district.code(), district.name(), district.name() + "民政局", unitIndex++, null, district);
            units.add(() -> writeAll(unit, List.of(List.of(Template.D1), List.of(Template.D2), List.of(Template.D3)),
                    month, mistakes));
        }
        // Past four threads POI's start-up and the disk dominate; fewer keeps small machines responsive.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            List<WrittenFile> out = new ArrayList<>();
            for (Future<List<WrittenFile>> f : pool.invokeAll(units)) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the demo inbox");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<WrittenFile> writeAll(Unit unit, List<List<Template>> groups, YearMonth month, Mistakes mistakes)
            throws IOException {
        List<WrittenFile> out = new ArrayList<>();
        for (List<Template> group : groups) {
            out.add(write(unit, group, month, mistakes));
        }
        return out;
    }

    private record Unit(String code, String name, String fillingUnit, int index, Street street, District district) {
    }

    /** Stable per street: an office keeps sending its forms the same way. */
    private List<List<Template>> streetGroups(Street street) {
        return switch (Rng.of(seed, "layout", street.code()).weighted(2, 1, 1)) {
            case 1 -> List.of(List.of(Template.S1, Template.S4), List.of(Template.S2), List.of(Template.S3));
            case 2 -> List.of(List.of(Template.S1), List.of(Template.S2, Template.S3), List.of(Template.S4));
            default -> List.of(List.of(Template.S1), List.of(Template.S2), List.of(Template.S3), List.of(Template.S4));
        };
    }

    private FileFormat format(Unit unit, List<Template> group) {
        if (group.size() > 1) {
            return Math.floorMod(seed + unit.index(), 2L) == 0 ? FileFormat.XLSX : FileFormat.XLS;
        }
        return FileFormat.values()[(int) Math.floorMod(seed + unit.index() + group.get(0).ordinal(), 3L)];
    }

    private FileFormat.Encoding encoding(Unit unit) {
        return FileFormat.Encoding.values()[(int) Math.floorMod(seed / 3 + unit.index(), 3L)];
    }

    private WrittenFile write(Unit unit, List<Template> group, YearMonth month, Mistakes mistakes) throws IOException {
        FileFormat format = format(unit, group);
        LocalDate filledOn = month.plusMonths(1).atDay(Rng.of(seed, "filled", unit.code(), month).between(1, 10));
        Rng clerks = Rng.of(seed, "clerks", unit.code());
        String filler = PersonNames.anyone(clerks);
        String reviewer = PersonNames.anyone(clerks);
        List<SheetData> sheets = new ArrayList<>();
        Set<String> sheetNames = new HashSet<>();
        for (Template t : group) {
            FileStyle style = FileStyle.choose(seed, unit.index(), unit.code(), t, month, format);
            String sheetName = t.sheetNames().get(style.choice("sheet-name", t.sheetNames().size()));
            if (!sheetNames.add(sheetName)) {
                sheetName = "Sheet" + (sheetNames.size() + 1);
                sheetNames.add(sheetName);
            }
            SheetContext ctx = new SheetContext(t, sheetName, unit.name(), unit.fillingUnit(), month, style,
                    Rng.of(seed, "cells", unit.code(), t, month), mistakes, filledOn, filler, reviewer);
            sheets.add(build(ctx, unit));
        }
        Rng notes = Rng.of(seed, "notes", unit.code(), group);
        if (format.workbook() && notes.chance(0.25)) {
            sheets.add(notes.chance(0.5) ? 0 : sheets.size(), NotesSheet.build(notes));
        }
        String fileName = FileNames.of(group, unit.name(), month, Rng.of(seed, "file-name", unit.code(), group, month),
                format);
        Path dir = inbox.resolve(month.toString()).resolve(unit.code());
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        if (format == FileFormat.CSV) {
            CsvOut.write(file, sheets.get(0), encoding(unit));
        } else {
            WorkbookOut.write(file, format, sheets, filledOn.atTime(9, 30));
        }
        String templates = group.stream().map(Template::name).collect(Collectors.joining("+"));
        int dataRows = sheets.stream().mapToInt(SheetData::dataRows).sum();
        return new WrittenFile(month + "/" + unit.code() + "/" + fileName, templates, unit.code(), month, dataRows);
    }

    private SheetData build(SheetContext ctx, Unit unit) {
        return switch (ctx.template()) {
            case S1 -> S1Sheet.build(city, unit.street(), ctx);
            case S2 -> S2Sheet.build(city, unit.street(), ctx);
            case S3 -> S3Sheet.build(city, unit.street(), ctx);
            case S4 -> S4Sheet.build(city, unit.street(), ctx);
            case D1 -> D1Sheet.build(city, unit.district(), ctx);
            case D2 -> D2Sheet.build(city, unit.district(), ctx);
            case D3 -> D3Sheet.build(city, unit.district(), ctx);
        };
    }
}
