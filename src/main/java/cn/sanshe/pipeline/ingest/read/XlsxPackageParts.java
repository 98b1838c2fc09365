package cn.sanshe.pipeline.ingest.read;

import cn.sanshe.pipeline.ingest.read.XlsxCapture.NotPlain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of an .xlsx that say where the cells are and how to show them, taken down as fastexcel
 * reads them: the content types, the workbook's relationships, the workbook (its sheets in order,
 * the 1904 date system) and the styles (each cell style's number format).
 */
final class XlsxPackageParts {

    private static final String RELATIONSHIPS_NAMESPACE =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
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

    private XlsxPackageParts() {
    }

    /** One sheet as the workbook lists it: its name and the relationship that leads to its part. */
    record SheetEntry(String name, String relationship) {
    }

    /** {@code [Content_Types].xml}: which parts are the workbook, its shared strings and its styles. */
    static final class ContentTypes implements XlsxCapture.Part {
        private String workbook;
        private String sharedStrings;
        private String styles;

        @Override
        public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
            if (!"Override".equals(name)) {
                return;
            }
            String type = xml.getAttributeValue(null, "ContentType");
            String part = xml.getAttributeValue(null, "PartName");
            if (type == null) {
                throw new NotPlain(); // fastexcel refuses an override without its type
            }
            if (WORKBOOK_TYPE.equals(type) || MACRO_WORKBOOK_TYPE.equals(type)) {
                workbook = once(workbook, part);
            } else if (STRINGS_TYPE.equals(type)) {
                sharedStrings = once(sharedStrings, part);
            } else if (STYLES_TYPE.equals(type)) {
                styles = once(styles, part);
            }
        }

        /** A second override of one kind: fastexcel takes one of them by an order of its own. Not plain. */
        private static String once(String known, String part) throws NotPlain {
            if (known != null || part == null) {
                throw new NotPlain();
            }
            return part;
        }

        @Override
        public void end(String name, int depth) {
        }

        String workbook() {
            return workbook;
        }

        String sharedStrings() {
            return sharedStrings;
        }

        String styles() {
            return styles;
        }
    }

    /** A relationships part: each relationship's target by its id. */
    static final class Relationships implements XlsxCapture.Part {
        private final Map<String, String> targets = new HashMap<>();

        @Override
        public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
            if ("Relationship".equals(name)) {
                String target = xml.getAttributeValue(null, "Target");
                if (target == null) {
                    throw new NotPlain();
                }
                targets.put(xml.getAttributeValue(null, "Id"), target);
            }
        }

        @Override
        public void end(String name, int depth) {
        }

        Map<String, String> targets() {
            return targets;
        }
    }

    /** The workbook: its sheets in order (within {@code <sheets>}), and the 1904 date system. */
    static final class Workbook implements XlsxCapture.Part {
        private final List<SheetEntry> sheets = new ArrayList<>();
        private boolean date1904;
        private int sheetsDepth;

        @Override
        public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
            if (depth > 1 && "workbook".equals(name)) {
                throw new NotPlain(); // fastexcel stops at the first end of a workbook element
            }
            if (sheetsDepth > 0) {
                if ("sheets".equals(name)) {
                    throw new NotPlain();
                }
                if ("sheet".equals(name)) {
                    String sheetName = xml.getAttributeValue(null, "name");
                    String id = xml.getAttributeValue(RELATIONSHIPS_NAMESPACE, "id");
                    if (sheetName == null || id == null) {
                        throw new NotPlain();
                    }
                    sheets.add(new SheetEntry(sheetName, id));
                }
                return;
            }
            switch (name) {
                case "sheets" -> sheetsDepth = depth;
                case "workbookPr" -> {
                    String value = xml.getAttributeValue(null, "date1904");
                    if (value != null) {
                        date1904 = "true".equalsIgnoreCase(value) || "1".equals(value);
                    }
                }
                case "workbookView" -> {
                    String activeTab = xml.getAttributeValue(null, "activeTab");
                    if (activeTab != null && !XlsxCapture.digits(activeTab)) {
                        throw new NotPlain(); // fastexcel fails on it
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void end(String name, int depth) {
            if (depth == sheetsDepth && "sheets".equals(name)) {
                sheetsDepth = 0;
            }
        }

        List<SheetEntry> sheets() {
            return sheets;
        }

        boolean date1904() {
            return date1904;
        }
    }

    /** The styles: each cell style's number format id (in {@code <cellXfs>}), and the formats by id. */
    static final class Styles implements XlsxCapture.Part {
        private final List<String> formatIds = new ArrayList<>();
        private final Map<String, String> formats = new HashMap<>();
        private boolean insideCellXfs;

        @Override
        public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
            switch (name) {
                case "cellXfs" -> {
                    if (insideCellXfs) {
                        throw new NotPlain();
                    }
                    insideCellXfs = true;
                }
                case "numFmt" -> {
                    String id = xml.getAttributeValue(null, "numFmtId");
                    String code = xml.getAttributeValue(null, "formatCode");
                    if (id == null || code == null) {
                        throw new NotPlain(); // fastexcel requires both
                    }
                    formats.put(id, code);
                }
                case "xf" -> {
                    if (insideCellXfs) {
                        String id = xml.getAttributeValue(null, "numFmtId");
                        formatIds.add(id);
                        if (id != null && IMPLIED_FORMATS.containsKey(id)) {
                            formats.put(id, IMPLIED_FORMATS.get(id));
                        }
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void end(String name, int depth) {
            if ("cellXfs".equals(name)) {
                insideCellXfs = false;
            }
        }

        /** The number format id of a cell style, or null (no style, or one past the list). */
        String formatId(int style) {
            return style >= 0 && style < formatIds.size() ? formatIds.get(style) : null;
        }

        /** The format code of a number format id, or null. */
        String format(String formatId) {
            return formatId == null ? null : formats.get(formatId);
        }
    }
}
