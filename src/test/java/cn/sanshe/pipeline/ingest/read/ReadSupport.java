package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Helpers shared by the reader tests: fixtures, reading a whole file, rewriting a zip's parts. */
final class ReadSupport {

    record Sheet(String name, List<SheetRow> rows) {

        SheetRow row(int number) {
            return rows.stream().filter(r -> r.number() == number).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + number + " in " + name));
        }

        List<Integer> numbers() {
            return rows.stream().map(SheetRow::number).toList();
        }
    }

    private ReadSupport() {
    }

    static Path fixture(String name) {
        URL url = ReadSupport.class.getResource("/ingest/read/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a reader, or refuses the file. */
    interface Opener {
        WorkbookReader open() throws FileRefusedException, IOException;
    }

    /**
     * All a reader gives, a line per sheet and row, so that two ways of reading can be compared: a refusal
     * as {@code refused: reason}; a file broken further in than opening looks as the rows before it and
     * {@code broken: reason}.
     */
    static String outcome(Opener opener) {
        List<String> seen = new ArrayList<>();
        try (WorkbookReader reader = opener.open()) {
            while (reader.nextSheet()) {
                seen.add("sheet " + reader.sheetName());
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    seen.add(row.number() + " " + row.cells());
                }
            }
        } catch (FileRefusedException e) {
            return "refused: " + e.getMessage();
        } catch (IOException e) {
            seen.add("broken: " + e.getMessage());
            return "refused " + String.join("\n", seen);
        }
        return String.join("\n", seen);
    }

    static List<Sheet> readAll(Path file) throws FileRefusedException, IOException {
        return readAll(file, ReadLimits.DEFAULTS);
    }

    static List<Sheet> readAll(Path file, ReadLimits limits) throws FileRefusedException, IOException {
        List<Sheet> sheets = new ArrayList<>();
        try (WorkbookReader reader = WorkbookReaders.open(file, limits)) {
            while (reader.nextSheet()) {
                List<SheetRow> rows = new ArrayList<>();
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    rows.add(row);
                }
                sheets.add(new Sheet(reader.sheetName(), rows));
            }
        }
        return sheets;
    }

    /** A copy of a zip with some entries' content replaced (by name) and the rest copied as they are. */
    static Path rewriteZip(Path source, Path target, Map<String, PartWriter> replace) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                PartWriter writer = replace.get(entry.getName());
                if (writer == null) {
                    try (InputStream part = in.getInputStream(entry)) {
                        part.transferTo(out);
                    }
                } else {
                    writer.write(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    static byte[] part(Path zip, String name) throws IOException {
        // ZipFile, not ZipInputStream: the latter rejects the local headers of POI-written files
        try (ZipFile in = new ZipFile(zip.toFile())) {
            ZipEntry entry = in.getEntry(name);
            if (entry == null) {
                throw new IllegalArgumentException("no part " + name + " in " + zip);
            }
            try (InputStream part = in.getInputStream(entry)) {
                return part.readAllBytes();
            }
        }
    }

    static Path copy(Path source, Path target) {
        try {
            return Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path target, byte[] bytes) throws IOException {
        return Files.write(target, bytes);
    }

    static byte[] bytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    @FunctionalInterface
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }
}
