package cn.sanshe.pipeline.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF read back as a reader's tools see it: its lines of text and its fonts. */
public record PdfText(List<String> lines, List<String> fonts, List<Boolean> embedded, int pages) {

    public static PdfText read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            List<String> lines = Arrays.stream(text.split("\\R")).map(line -> line.replaceAll("[\\s\\u3000]+", " ").strip())
                    .filter(line -> !line.isEmpty()).toList();
            List<String> fonts = new ArrayList<>();
            List<Boolean> embedded = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    embedded.add(font.isEmbedded());
                }
            }
            return new PdfText(lines, fonts, embedded, document.getNumberOfPages());
        }
    }

    /** The line that starts with {@code first} and goes on with exactly {@code rest}, separated by spaces. */
    public boolean hasLine(String first, List<String> rest) {
        String wanted = (first + " " + String.join(" ", rest)).trim();
        return lines.stream().anyMatch(line -> line.equals(wanted));
    }

    public String text() {
        return String.join("\n", lines);
    }
}
