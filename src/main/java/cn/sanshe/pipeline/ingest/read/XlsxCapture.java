package cn.sanshe.pipeline.ingest.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of an .xlsx taken down while {@link XlsxParts} parses its parts for the inspection, so
 * that a plain workbook is parsed once and not again by fastexcel: the parse was half of what an
 * .xlsx costs ingest.
 *
 * <p>It reads what fastexcel reads, the way fastexcel finds it (the package's content types name
 * the workbook, shared strings and styles; the workbook's relationships name its sheets), and gives
 * each cell the text {@link XlsxReader} gives it. Whatever is not plain — a part found only by
 * ignoring case, a cell without its reference, shared or array formulas, a cell type or element
 * out of the ordinary, more than {@link #MAX_CELLS} cells — abandons the capture, and the file is
 * read by fastexcel after all: every outcome of a file (rows, or the reason it is refused) is
 * fastexcel's, and {@code XlsxCaptureTests} holds the two readers to the same rows.
 */
final class XlsxCapture {

    /** A street's sheet has a few thousand cells; a larger workbook is streamed by fastexcel instead. */
    static final int MAX_CELLS = 100_000;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    /** fastexcel's way from a part's name to its relationships' part. */
    private static final Pattern FILE_NAME = Pattern.compile("^(.*/)([^/]+)$");
    /** The number formats Excel implies by id, as fastexcel maps them for a style that uses one. */
    private static final Map<String, String> IMPLIED_FORMATS = Map.ofEntries(Map.entry("1", "0"),
            Map.entry("2", "0.00"), Map.entry("3", "#,##0"), Map.entry("4", "#,##0.00"), Map.entry("9", "0%"),
            Map.entry("10", "0.00%"), Map.entry("11", "0.00E+00"), Map.entry("12", "# ?/?"),
            Map.entry("13", "# ??/??"), Map.entry("14", "mm-dd-yy"), Map.entry("15", "d-mmm-yy"),
            Map.entry("16", "d-mmm"), Map.entry("17", "mmm-yy"), Map.entry("18", "h:mm AM/PM"),
            Map.entry("19", "h:mm:ss AM/PM"), Map.entry("20", "h:mm"), Map.entry("21", "h:mm:ss"),
            Map.entry("22", "m/d/yy h:mm"), Map.entry("37", "#,##0 ;(#,##0)"), Map.entry("38", "#,##0 ;[Red](#,##0)"),
            Map.entry("39", "#,##0.00;(#,##0.00)"), Map.entry("40", "#,##0.00;[Red](#,##0.00)"),
            Map.entry("45", "mm:ss"), Map.entry("46", "[h]:mm:ss"), Map.entry("47", "mmss.0"),
            Map.entry("48", "##0.0E+0"), Map.entry("49", "@"));

    private enum Kind { TYPES, RELATIONSHIPS, WORKBOOK, STYLES, STRINGS, WORKSHEET, OTHER }

    /** One cell as written: its column, type, style, and the text of its value (or inline string). */
    private record RawCell(int column, char type, int style, String value) {
    }

    private record RawRow(int number, List<RawCell> cells) {
    }

    private record SheetEntry(String name, String relationship) {
    }

    private boolean abandoned;
    private long cells;

    // what the package says, part by part
    private final Map<String, Map<String, String>> relationships = new HashMap<>();
    private final Map<String, List<RawRow>> worksheets = new HashMap<>();
    private final Map<String, List<String>> stringTables = new HashMap<>();
    private final Map<String, Styles> styleSheets = new HashMap<>();
    private final Map<String, Workbook> workbooks = new HashMap<>();
    private String workbookPart;
    private String stringsPart;
    private String stylesPart;
    private int typeOverrides;

    // the part being parsed
    private String part;
    private Kind kind;
    private int depth;
    private Map<String, String> rels;
    private Workbook workbook;
    private Styles styles;
    private List<String> strings;
    private List<RawRow> rows;
    private int sheetsDepth;
    private boolean insideCellXfs;
    private int sheetDataDepth;
    private boolean sheetDataSeen;
    private int rowNumber;
    private List<RawCell> rowCells;
    private int cellColumn;
    private char cellType;
    private int cellStyle;
    private String cellValue;
    private int valueCount;
    private int inlineCount;
    private final StringBuilder text = new StringBuilder();
    /** Depth of the element whose text is being collected (v, f, is, a string's t); 0: none. */
    private int textDepth;
    private String textElement;
    private int phoneticDepth;
    private boolean inString;

    private static final class Workbook {
        final List<SheetEntry> sheets = new ArrayList<>();
        boolean date1904;
    }

    private static final class Styles {
        final List<String> formatIds = new ArrayList<>();
        final Map<String, String> formats = new HashMap<>();
    }

    /** Given up: the file goes to fastexcel. Whatever was taken down is dropped. */
    private void abandon() {
        abandoned = true;
        worksheets.clear();
        stringTables.clear();
        rows = null;
        rowCells = null;
    }

    boolean abandoned() {
        return abandoned;
    }

    void beginPart(String name) {
        part = name;
        kind = null;
        depth = 0;
        textDepth = 0;
        phoneticDepth = 0;
        inString = false;
        sheetsDepth = 0;
        insideCellXfs = false;
        sheetDataDepth = 0;
        sheetDataSeen = false;
    }

    /**
     * Never throws: the inspection's own checks decide the file's fate; whatever surprises the
     * capture abandons it.
     */
    void start(XMLStreamReader xml) {
        depth++;
        if (abandoned) {
            return;
        }
        try {
            started(xml);
        } catch (RuntimeException e) {
            abandon();
        }
    }

    private void started(XMLStreamReader xml) {
        String name = xml.getLocalName();
        if (kind == null) {
            kind = switch (name) {
                case "Types" -> Kind.TYPES;
                case "Relationships" -> Kind.RELATIONSHIPS;
                case "workbook" -> Kind.WORKBOOK;
                case "styleSheet" -> Kind.STYLES;
                case "sst" -> Kind.STRINGS;
                case "worksheet" -> Kind.WORKSHEET;
                default -> Kind.OTHER;
            };
            opened();
        }
        switch (kind) {
            case TYPES -> typeOverride(xml, name);
            case RELATIONSHIPS -> relationship(xml, name);
            case WORKBOOK -> workbookElement(xml, name);
            case STYLES -> styleElement(xml, name);
            case STRINGS -> stringElement(name);
            case WORKSHEET -> sheetElement(xml, name);
            case OTHER -> {
                // themes, document properties, drawings: nothing fastexcel reads
            }
        }
    }

    private void opened() {
        switch (kind) {
            case RELATIONSHIPS -> relationships.put(part, rels = new HashMap<>());
            case WORKBOOK -> workbooks.put(part, workbook = new Workbook());
            case STYLES -> styleSheets.put(part, styles = new Styles());
            case STRINGS -> stringTables.put(part, strings = new ArrayList<>());
            case WORKSHEET -> {
                worksheets.put(part, rows = new ArrayList<>());
                sheetDataSeen = false;
                sheetDataDepth = 0;
            }
            default -> {
            }
        }
    }

    /** Whether the text at this point is taken down (asking the parser for text costs: only then). */
    boolean wantsText() {
        return !abandoned && textDepth > 0 && phoneticDepth == 0;
    }

    void text(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    void end(XMLStreamReader xml) {
        try {
            ended(xml);
        } catch (RuntimeException e) {
            abandon();
        }
        depth--;
    }

    private void ended(XMLStreamReader xml) {
        if (!abandoned && kind != null) {
            String name = xml.getLocalName();
            switch (kind) {
                case WORKBOOK -> {
                    if (depth == sheetsDepth && "sheets".equals(name)) {
                        sheetsDepth = 0;
                    }
                }
                case STYLES -> {
                    if ("cellXfs".equals(name)) {
                        insideCellXfs = false;
                    }
                }
                case STRINGS -> stringEnd(name);
                case WORKSHEET -> sheetEnd(name);
                default -> {
                }
            }
        }
    }

    // ---- [Content_Types].xml: which parts are the workbook, its strings and its styles

    private void typeOverride(XMLStreamReader xml, String name) {
        if (!"Override".equals(name)) {
            return;
        }
        String type = xml.getAttributeValue(null, "ContentType");
        String partName = xml.getAttributeValue(null, "PartName");
        if (type == null) {
            abandon(); // fastexcel refuses an override without its type
            return;
        }
        if (WORKBOOK_TYPE.equals(type) || MACRO_WORKBOOK_TYPE.equals(type)) {
            workbookPart = once(workbookPart, partName);
        } else if (STRINGS_TYPE.equals(type)) {
            stringsPart = once(stringsPart, partName);
        } else if (STYLES_TYPE.equals(type)) {
            stylesPart = once(stylesPart, partName);
        } else {
            return;
        }
        typeOverrides++;
    }

    /** A second override of one kind: fastexcel takes one of them by an order of its own. Not plain. */
    private String once(String known, String partName) {
        if (known != null || partName == null) {
            abandon();
        }
        return partName;
    }

    // ---- relationships

    private void relationship(XMLStreamReader xml, String name) {
        if ("Relationship".equals(name)) {
            String target = xml.getAttributeValue(null, "Target");
            if (target == null) {
                abandon();
                return;
            }
            rels.put(xml.getAttributeValue(null, "Id"), target);
        }
    }

    // ---- the workbook: its sheets in order, and the 1904 date system

    private void workbookElement(XMLStreamReader xml, String name) {
        if (depth > 1 && "workbook".equals(name)) {
            abandon(); // fastexcel stops at the first end of a workbook element
            return;
        }
        if (sheetsDepth > 0) {
            if ("sheets".equals(name)) {
                abandon();
            } else if ("sheet".equals(name)) {
                String sheetName = xml.getAttributeValue(null, "name");
                String id = xml.getAttributeValue(RELATIONSHIPS, "id");
                if (sheetName == null || id == null) {
                    abandon();
                    return;
                }
                workbook.sheets.add(new SheetEntry(sheetName, id));
            }
            return;
        }
        switch (name) {
            case "sheets" -> sheetsDepth = depth;
            case "workbookPr" -> {
                String date1904 = xml.getAttributeValue(null, "date1904");
                if (date1904 != null) {
                    workbook.date1904 = "true".equalsIgnoreCase(date1904) || "1".equals(date1904);
                }
            }
            case "workbookView" -> {
                if (xml.getAttributeValue(null, "activeTab") != null && !digits(xml.getAttributeValue(null,
                        "activeTab"))) {
                    abandon(); // fastexcel fails on it
                }
            }
            default -> {
            }
        }
    }

    // ---- styles: the number format of each cell style

    private void styleElement(XMLStreamReader xml, String name) {
        switch (name) {
            case "cellXfs" -> {
                if (insideCellXfs) {
                    abandon();
                }
                insideCellXfs = true;
            }
            case "numFmt" -> {
                String id = xml.getAttributeValue(null, "numFmtId");
                String code = xml.getAttributeValue(null, "formatCode");
                if (id == null || code == null) {
                    abandon();
                    return;
                }
                styles.formats.put(id, code);
            }
            case "xf" -> {
                if (insideCellXfs) {
                    String id = xml.getAttributeValue(null, "numFmtId");
                    styles.formatIds.add(id);
                    if (id != null && IMPLIED_FORMATS.containsKey(id)) {
                        styles.formats.put(id, IMPLIED_FORMATS.get(id));
                    }
                }
            }
            default -> {
            }
        }
    }

    // ---- shared strings: the text of each string's runs, without its phonetic guide

    private void stringElement(String name) {
        if (textDepth > 0) {
            return; // inside a t: its whole text counts, whatever the markup
        }
        switch (name) {
            case "si" -> {
                if (inString) {
                    abandon();
                    return;
                }
                inString = true;
                text.setLength(0);
            }
            case "rPh" -> {
                if (phoneticDepth > 0) {
                    abandon();
                    return;
                }
                if (inString) {
                    phoneticDepth = depth;
                }
            }
            case "t" -> {
                if (inString && phoneticDepth == 0) {
                    textDepth = depth;
                }
            }
            default -> {
            }
        }
    }

    private void stringEnd(String name) {
        if (textDepth > 0) {
            if (depth == textDepth) {
                textDepth = 0;
            }
            return;
        }
        if (phoneticDepth > 0 && depth == phoneticDepth) {
            phoneticDepth = 0;
        } else if (inString && "si".equals(name)) {
            strings.add(text.toString());
            inString = false;
        }
    }

    // ---- a worksheet: its rows, as sheetData, row, c and v / f / is

    private void sheetElement(XMLStreamReader xml, String name) {
        if (sheetDataDepth == 0) {
            if ("sheetData".equals(name)) {
                if (sheetDataSeen) {
                    abandon();
                    return;
                }
                sheetDataSeen = true;
                sheetDataDepth = depth;
            }
            return;
        }
        int level = depth - sheetDataDepth;
        if (textDepth > 0) {
            if (!"is".equals(textElement)) {
                abandon(); // markup inside a value or formula
            }
            return; // the runs of an inline string: their text is the string's
        }
        switch (level) {
            case 1 -> row(xml, name);
            case 2 -> cell(xml, name);
            case 3 -> cellChild(xml, name);
            default -> abandon();
        }
    }


    private void row(XMLStreamReader xml, String name) {
        String r = xml.getAttributeValue(null, "r");
        if (!"row".equals(name) || r == null || !digits(r) || r.length() > 7) {
            abandon();
            return;
        }
        rowNumber = Integer.parseInt(r);
        rowCells = new ArrayList<>();
    }

    private void cell(XMLStreamReader xml, String name) {
        if (!"c".equals(name)) {
            abandon();
            return;
        }
        if (++cells > MAX_CELLS) {
            abandon();
            return;
        }
        cellColumn = column(xml.getAttributeValue(null, "r"));
        String t = xml.getAttributeValue(null, "t");
        cellType = t == null ? 'n' : switch (t) {
            case "n" -> 'n';
            case "s" -> 's';
            case "inlineStr" -> 'i';
            case "str" -> 'f';
            case "b" -> 'b';
            case "e" -> 'e';
            default -> '?';
        };
        String s = xml.getAttributeValue(null, "s");
        cellStyle = s == null ? -1 : digits(s) && s.length() < 9 ? Integer.parseInt(s) : -2;
        if (cellColumn < 0 || cellType == '?' || cellStyle == -2) {
            abandon();
            return;
        }
        cellValue = null;
        valueCount = 0;
        inlineCount = 0;
    }

    private void cellChild(XMLStreamReader xml, String name) {
        switch (name) {
            case "v" -> {
                if (++valueCount > 1) {
                    abandon();
                    return;
                }
            }
            case "f" -> {
                String t = xml.getAttributeValue(null, "t");
                if ("shared".equals(t) || "array".equals(t)) {
                    abandon(); // fastexcel works these out from other cells, and may fail doing so
                    return;
                }
            }
            case "is" -> {
                if (cellType != 'i' || ++inlineCount > 1) {
                    abandon();
                    return;
                }
            }
            default -> {
                abandon();
                return;
            }
        }
        textElement = name;
        textDepth = depth;
        text.setLength(0);
    }

    private void sheetEnd(String name) {
        if (sheetDataDepth == 0) {
            return;
        }
        if (textDepth > 0) {
            if (depth == textDepth) {
                textDepth = 0;
                // A formula's text changes no cell's text (its cached value is what is read), and an
                // inline string's cell reads its <is>, not a <v> beside it, as fastexcel does.
                if ("is".equals(textElement) || "v".equals(textElement) && cellType != 'i') {
                    cellValue = text.toString();
                }
            }
            return;
        }
        int level = depth - sheetDataDepth;
        switch (level) {
            case 0 -> sheetDataDepth = 0;
            case 1 -> {
                rows.add(new RawRow(rowNumber, rowCells));
                rowCells = null;
            }
            case 2 -> rowCells.add(new RawCell(cellColumn, cellType, cellStyle, cellValue));
            default -> {
            }
        }
    }

    // ---- after the last part: the workbook as fastexcel would read it, or null

    /** The sheets and rows, or null when the file is to be read by fastexcel. */
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

    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private List<XlsxCapturedReader.CapturedSheet> resolve() throws NotPlain {
        String workbookName = workbookPart != null ? workbookPart : "/xl/workbook.xml";
        Workbook book = required(workbooks, workbookName);
        Matcher file = FILE_NAME.matcher(workbookName);
        if (!file.matches()) {
            throw new NotPlain();
        }
        String relsName = file.replaceFirst("$1_rels/$2.rels");
        String folder = relsName.substring(0, relsName.indexOf("_rel"));
        Map<String, String> bookRels = required(relationships, relsName);
        Styles style = required(styleSheets, stylesPart);
        List<String> shared = stringsPart == null ? List.of() : required(stringTables, stringsPart);
        CellTexts texts = new CellTexts(style, shared, book.date1904);
        List<XlsxCapturedReader.CapturedSheet> result = new ArrayList<>();
        for (SheetEntry entry : book.sheets) {
            String target = bookRels.get(entry.relationship());
            if (target == null) {
                throw new NotPlain();
            }
            List<RawRow> raw = required(worksheets, target.startsWith("/") ? target : folder + target);
            List<SheetRow> sheetRows = new ArrayList<>(raw.size());
            for (RawRow row : raw) {
                sheetRows.add(new SheetRow(row.number(), texts.row(row.cells())));
            }
            result.add(new XlsxCapturedReader.CapturedSheet(entry.name(), sheetRows));
        }
        return result;
    }

    /** The part of that exact name (fastexcel would look further, ignoring case: not plain). */
    private static <T> T required(Map<String, T> parts, String name) throws NotPlain {
        if (name == null) {
            throw new NotPlain();
        }
        T found = parts.get(name.startsWith("/") ? name.substring(1) : name);
        if (found == null) {
            throw new NotPlain();
        }
        return found;
    }

    /** Each cell's text as {@link XlsxReader} makes it from fastexcel's cell. */
    private static final class CellTexts {
        private final Styles styles;
        private final List<String> shared;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        CellTexts(Styles styles, List<String> shared, boolean date1904) {
            this.styles = styles;
            this.shared = shared;
            this.date1904 = date1904;
        }

        List<String> row(List<RawCell> raw) throws NotPlain {
            int width = 0;
            for (RawCell cell : raw) {
                width = Math.max(width, cell.column() + 1);
            }
            String[] texts = new String[width];
            java.util.Arrays.fill(texts, "");
            for (RawCell cell : raw) {
                texts[cell.column()] = text(cell);
            }
            return CellText.trimTrailingEmpty(java.util.Arrays.asList(texts));
        }

        private String text(RawCell cell) throws NotPlain {
            String value = cell.value();
            return switch (cell.type()) {
                case 's' -> {
                    if (value == null || value.isEmpty()) {
                        yield "";
                    }
                    if (!digits(value) || value.length() > 9) {
                        throw new NotPlain();
                    }
                    int index = Integer.parseInt(value);
                    if (index >= shared.size()) {
                        throw new NotPlain();
                    }
                    yield shared.get(index);
                }
                case 'i', 'e', 'f' -> value == null ? "" : value;
                case 'b' -> {
                    if (value == null || value.isEmpty()) {
                        yield "";
                    }
                    if (!"0".equals(value) && !"1".equals(value)) {
                        throw new NotPlain();
                    }
                    yield CellText.bool("1".equals(value));
                }
                default -> {
                    if (value == null || value.isEmpty()) {
                        yield "";
                    }
                    BigDecimal number;
                    try {
                        number = new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        throw new NotPlain();
                    }
                    if (isDate(cell.style())) {
                        String date = CellText.dateOrNull(number.doubleValue(), date1904);
                        if (date != null) {
                            yield date;
                        }
                    }
                    yield CellText.number(number);
                }
            };
        }

        private boolean isDate(int style) {
            return dateStyles.computeIfAbsent(style, s -> {
                String id = s >= 0 && s < styles.formatIds.size() ? styles.formatIds.get(s) : null;
                Integer number;
                try {
                    number = id == null ? null : Integer.parseInt(id);
                } catch (NumberFormatException e) {
                    number = null;
                }
                return CellText.isDateFormat(number, id == null ? null : styles.formats.get(id));
            });
        }
    }

    /** Column index of an A1 reference written plainly (upper-case letters, then the row), or -1. */
    private static int column(String ref) {
        if (ref == null) {
            return -1;
        }
        int column = 0;
        int i = 0;
        while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            column = column * 26 + ref.charAt(i) - 'A' + 1;
            i++;
        }
        if (i == 0 || i > 3 || i == ref.length() || !digits(ref.substring(i)) || column > ReadLimits.MAX_COLUMNS) {
            return -1;
        }
        return column - 1;
    }

    private static boolean digits(String text) {
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
