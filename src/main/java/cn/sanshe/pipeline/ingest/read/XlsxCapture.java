package cn.sanshe.pipeline.ingest.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of an .xlsx taken down while {@link XlsxParts} parses its parts for the inspection, so
 * that a plain workbook is parsed once and not again by fastexcel: the second parse was half of
 * what an .xlsx cost ingest.
 *
 * <p>It reads what fastexcel reads, the way fastexcel finds it (the package's content types name
 * the workbook, shared strings and styles; the workbook's relationships name its sheets), and gives
 * each cell the text {@link XlsxReader} gives it ({@link XlsxCellTexts}). Whatever is not plain — a
 * part found only by ignoring case, a cell or row without its reference, shared or array formulas,
 * a cell type or element out of the ordinary, more than {@link #MAX_CELLS} cells — abandons the
 * capture, and the file is read by fastexcel after all: every outcome of a file (its rows, or the
 * reason it is refused) is fastexcel's. {@code XlsxCaptureTests} holds the two readers to the same
 * rows.
 */
final class XlsxCapture {

    /** A street's sheet has a few thousand cells; a larger workbook is streamed by fastexcel instead. */
    static final int MAX_CELLS = 100_000;

    /** fastexcel's way from a part's name to its relationships' part. */
    private static final Pattern FILE_NAME = Pattern.compile("^(.*/)([^/]+)$");

    /** The part at hand is not read as fastexcel would read it here: the file goes to fastexcel. */
    static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** One part, element by element, as the inspection parses it. */
    interface Part {
        void start(XMLStreamReader xml, String name, int depth) throws NotPlain;

        void end(String name, int depth) throws NotPlain;

        /** Whether the text at this point is taken down (asking the parser for text costs: only then). */
        default boolean wantsText() {
            return false;
        }

        default void text(char[] chars, int start, int length) {
        }
    }

    /** The cells taken down across a file's sheets, bounded. */
    static final class CellBudget {
        private long taken;

        void take() throws NotPlain {
            if (++taken > MAX_CELLS) {
                throw new NotPlain();
            }
        }
    }

    private final Map<String, Part> parts = new HashMap<>();
    private final CellBudget cells = new CellBudget();
    private boolean abandoned;
    private String partName;
    private Part part;
    private int depth;

    void beginPart(String name) {
        partName = name;
        part = null;
        depth = 0;
    }

    /** Never throws: the inspection's own checks decide the file's fate; a surprise abandons the capture. */
    void start(XMLStreamReader xml) {
        depth++;
        if (abandoned) {
            return;
        }
        try {
            String name = xml.getLocalName();
            if (part == null) {
                part = opened(name);
                parts.put(partName, part);
            }
            part.start(xml, name, depth);
        } catch (NotPlain | RuntimeException e) {
            abandon();
        }
    }

    void end(XMLStreamReader xml) {
        if (!abandoned && part != null) {
            try {
                part.end(xml.getLocalName(), depth);
            } catch (NotPlain | RuntimeException e) {
                abandon();
            }
        }
        depth--;
    }

    boolean wantsText() {
        return !abandoned && part != null && part.wantsText();
    }

    void text(char[] chars, int start, int length) {
        part.text(chars, start, length);
    }

    /** The kind of part, by its root element: a sheet renamed is still a sheet, as fastexcel opens it. */
    private Part opened(String root) {
        return switch (root) {
            case "Types" -> new XlsxPackageParts.ContentTypes();
            case "Relationships" -> new XlsxPackageParts.Relationships();
            case "workbook" -> new XlsxPackageParts.Workbook();
            case "styleSheet" -> new XlsxPackageParts.Styles();
            case "sst" -> new XlsxStringsCapture();
            case "worksheet" -> new XlsxSheetCapture(cells);
            // themes, document properties, drawings: nothing fastexcel reads
            default -> new Part() {
                @Override
                public void start(XMLStreamReader xml, String name, int depth) {
                }

                @Override
                public void end(String name, int depth) {
                }
            };
        };
    }

    /** Given up: the file goes to fastexcel, and whatever was taken down is dropped now. */
    private void abandon() {
        abandoned = true;
        parts.clear();
        part = null;
    }

    /** The sheets and their rows after the last part, or null when the file is to be read by fastexcel. */
    List<XlsxCapturedReader.CapturedSheet> sheets() {
        if (abandoned) {
            return null;
        }
        try {
            return resolve();
        } catch (NotPlain | RuntimeException e) {
            return null;
        }
    }

    private List<XlsxCapturedReader.CapturedSheet> resolve() throws NotPlain {
        XlsxPackageParts.ContentTypes types = required("[Content_Types].xml", XlsxPackageParts.ContentTypes.class);
        String workbookName = types.workbook() != null ? types.workbook() : "/xl/workbook.xml";
        XlsxPackageParts.Workbook workbook = required(workbookName, XlsxPackageParts.Workbook.class);
        Matcher file = FILE_NAME.matcher(workbookName);
        if (!file.matches()) {
            throw new NotPlain();
        }
        String relsName = file.replaceFirst("$1_rels/$2.rels");
        String folder = relsName.substring(0, relsName.indexOf("_rel"));
        Map<String, String> targets = required(relsName, XlsxPackageParts.Relationships.class).targets();
        XlsxPackageParts.Styles styles = required(types.styles(), XlsxPackageParts.Styles.class);
        List<String> shared = types.sharedStrings() == null ? List.of()
                : required(types.sharedStrings(), XlsxStringsCapture.class).strings();
        XlsxCellTexts texts = new XlsxCellTexts(styles, shared, workbook.date1904());
        List<XlsxCapturedReader.CapturedSheet> sheets = new ArrayList<>();
        for (XlsxPackageParts.SheetEntry entry : workbook.sheets()) {
            String target = targets.get(entry.relationship());
            if (target == null) {
                throw new NotPlain();
            }
            XlsxSheetCapture sheet = required(target.startsWith("/") ? target : folder + target, XlsxSheetCapture.class);
            sheets.add(new XlsxCapturedReader.CapturedSheet(entry.name(), sheet.rows(texts)));
        }
        return sheets;
    }

    /** The part of exactly that name and kind (fastexcel would look further, ignoring case: not plain). */
    private <T extends Part> T required(String name, Class<T> kind) throws NotPlain {
        if (name == null) {
            throw new NotPlain();
        }
        Part found = parts.get(name.startsWith("/") ? name.substring(1) : name);
        if (!kind.isInstance(found)) {
            throw new NotPlain();
        }
        return kind.cast(found);
    }

    static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
