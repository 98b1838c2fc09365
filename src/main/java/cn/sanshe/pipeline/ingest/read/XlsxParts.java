package cn.sanshe.pipeline.ingest.read;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of an .xlsx judged as the reader will see them: parsed with the reader's own XML parser
 * (Aalto, DTDs off), so that attribute values are checked after XML decoding — a cell reference
 * written {@code r="&#68;ZZZZZZ4"} is the reference {@code DZZZZZZ4} here as it is to the reader.
 * Elements are judged by their name in whatever part they appear, since the reader follows the
 * workbook's relationships and not the parts' names.
 *
 * <p>What the reader would grow without bound is bounded: rows per part and their numbers, cells
 * per row and in the file, cell references past column XFD or row 1,048,576, text of one cell,
 * nesting depth, shared-string indexes past the table (the reader would fill the gap with empty
 * strings), and the memory the shared-string table takes as the reader keeps it.
 */
final class XlsxParts {

    private static final XMLInputFactory FACTORY = factory();
    private static final String SHARED_STRINGS_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    /** A String in the table: object, array header, reference in the list; two bytes a character at worst. */
    private static final int STRING_OVERHEAD = 56;
    private static final int MAX_ARRAY_FORMULAS = 10_000;
    private static final int MAX_STYLES = 100_000;

    private final ReadLimits limits;
    /** Takes the cells down as they are parsed, so that a plain workbook is not parsed again to be read. */
    private final XlsxCapture capture;
    private long cells;
    private int arrayFormulas;
    private int styles;
    private long highestSharedIndex = -1;
    private String sharedStringsPart;
    private final Map<String, Long> stringsPerPart = new HashMap<>();

    XlsxParts(ReadLimits limits, XlsxCapture capture) {
        this.limits = limits;
        this.capture = capture;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return factory;
    }

    /** Parses one part to its end, refusing the file at the first limit it breaks. */
    void check(String name, InputStream in) throws XMLStreamException, FileRefusedException {
        XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
        capture.beginPart(name);
        try {
            int depth = 0;
            int rows = 0;
            int cellsInRow = 0;
            long textInCell = -1;      // -1: outside a cell or shared string
            boolean sharedCell = false;
            boolean inValue = false;
            StringBuilder value = new StringBuilder();
            long strings = 0;
            long stringBytes = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > ReadLimits.MAX_XML_DEPTH) {
                            throw new FileRefusedException(String.format(Locale.ROOT, Reasons.XML_TOO_DEEP,
                                    ReadLimits.MAX_XML_DEPTH));
                        }
                        capture.start(xml);
                        switch (xml.getLocalName()) {
                            case "row" -> {
                                if (++rows > ReadLimits.MAX_ROWS) {
                                    throw new FileRefusedException(Reasons.TOO_MANY_ROWS);
                                }
                                String r = xml.getAttributeValue(null, "r");
                                if (r != null && rowNumber(r) < 0) {
                                    throw new FileRefusedException(Reasons.CELL_OUT_OF_RANGE);
                                }
                                cellsInRow = 0;
                            }
                            case "c" -> {
                                if (++cellsInRow > ReadLimits.MAX_COLUMNS) {
                                    throw new FileRefusedException(Reasons.ROW_TOO_WIDE);
                                }
                                if (++cells > limits.maxCells()) {
                                    throw new FileRefusedException(String.format(Locale.ROOT, Reasons.TOO_MANY_CELLS,
                                            limits.maxCells()));
                                }
                                String r = xml.getAttributeValue(null, "r");
                                if (r != null && !isCellReference(r)) {
                                    throw new FileRefusedException(Reasons.CELL_OUT_OF_RANGE);
                                }
                                sharedCell = "s".equals(xml.getAttributeValue(null, "t"));
                                textInCell = 0;
                            }
                            case "si" -> {
                                strings++;
                                textInCell = 0;
                            }
                            case "v" -> {
                                inValue = sharedCell && textInCell >= 0;
                                value.setLength(0);
                            }
                            case "f" -> {
                                if ("array".equals(xml.getAttributeValue(null, "t"))
                                        && ++arrayFormulas > MAX_ARRAY_FORMULAS) {
                                    throw new FileRefusedException(Reasons.CORRUPT);
                                }
                            }
                            case "xf", "numFmt" -> {
                                if (++styles > MAX_STYLES) {
                                    throw new FileRefusedException(Reasons.CORRUPT);
                                }
                            }
                            case "dimension" -> {
                                String ref = xml.getAttributeValue(null, "ref");
                                if (ref != null && !isRange(ref)) {
                                    throw new FileRefusedException(Reasons.CELL_OUT_OF_RANGE);
                                }
                            }
                            case "Override" -> {
                                if (SHARED_STRINGS_TYPE.equals(xml.getAttributeValue(null, "ContentType"))
                                        && sharedStringsPart == null) {
                                    sharedStringsPart = xml.getAttributeValue(null, "PartName");
                                }
                            }
                            default -> {
                                // nothing to bound
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        capture.end(xml);
                        switch (xml.getLocalName()) {
                            case "c" -> {
                                textInCell = -1;
                                sharedCell = false;
                            }
                            case "si" -> {
                                stringBytes += STRING_OVERHEAD + 2 * Math.max(0, textInCell);
                                if (stringBytes > limits.memoryBudgetBytes()) {
                                    throw new FileRefusedException(String.format(Locale.ROOT, Reasons.MEMORY_BUDGET,
                                            limits.memoryBudgetBytes() / ReadLimits.MIB));
                                }
                                textInCell = -1;
                            }
                            case "v" -> {
                                if (inValue) {
                                    sharedIndex(value.toString().strip());
                                    inValue = false;
                                }
                            }
                            default -> {
                                // nothing to close
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (capture.wantsText()) {
                            capture.text(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                        if (textInCell >= 0) {
                            textInCell += xml.getTextLength();
                            if (textInCell > ReadLimits.MAX_CELL_CHARS) {
                                throw new FileRefusedException(Reasons.CELL_TOO_LONG);
                            }
                            if (inValue) {
                                value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            }
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new FileRefusedException(Reasons.XML_ENTITY);
                    default -> {
                        // comments, processing instructions: passed over
                    }
                }
            }
            if (strings > 0) {
                stringsPerPart.put(partName(name), strings);
            }
        } finally {
            xml.close();
        }
    }

    /** After every part: the shared strings the cells point at must exist in the table the reader reads. */
    void finish() throws FileRefusedException {
        if (highestSharedIndex < 0) {
            return;
        }
        Long available = null;
        if (sharedStringsPart != null) {
            String wanted = partName(sharedStringsPart);
            available = stringsPerPart.get(wanted);
            if (available == null) {
                // the reader looks a part up ignoring case when the exact name is missing
                available = stringsPerPart.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(wanted))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
        }
        if (available == null || highestSharedIndex >= available) {
            throw new FileRefusedException(Reasons.SHARED_STRING_MISSING);
        }
    }

    private void sharedIndex(String text) throws FileRefusedException {
        if (text.isEmpty()) {
            return;
        }
        try {
            int index = Integer.parseInt(text);
            if (index < 0) {
                throw new FileRefusedException(Reasons.SHARED_STRING_MISSING);
            }
            highestSharedIndex = Math.max(highestSharedIndex, index);
        } catch (NumberFormatException e) {
            throw new FileRefusedException(Reasons.CORRUPT, e);
        }
    }

    private static String partName(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** 1 … 1,048,576, or -1. */
    static int rowNumber(String text) {
        if (text.isEmpty() || text.length() > 7) {
            return -1;
        }
        int row = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            row = row * 10 + (c - '0');
        }
        return row >= 1 && row <= ReadLimits.MAX_ROWS ? row : -1;
    }

    /** {@code A1} … {@code XFD1048576}, each part optionally absolute. */
    static boolean isCellReference(String ref) {
        int i = 0;
        int n = ref.length();
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        int column = 0;
        int letters = 0;
        while (i < n && isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
            if (++letters > 3) {
                return false;
            }
        }
        if (letters == 0 || column > ReadLimits.MAX_COLUMNS) {
            return false;
        }
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        return rowNumber(ref.substring(i)) > 0;
    }

    private static boolean isRange(String ref) {
        int colon = ref.indexOf(':');
        return colon < 0 ? isCellReference(ref)
                : isCellReference(ref.substring(0, colon)) && isCellReference(ref.substring(colon + 1));
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
