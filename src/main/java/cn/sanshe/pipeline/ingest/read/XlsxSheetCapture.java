package cn.sanshe.pipeline.ingest.read;

import cn.sanshe.pipeline.ingest.read.XlsxCapture.NotPlain;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/**
 * A worksheet's rows as written: {@code <sheetData>}, its {@code <row r>}, their {@code <c r t s>}
 * and each cell's {@code <v>}, {@code <f>} or {@code <is>}. Any other shape is not plain: fastexcel
 * looks for rows and cells wherever they are, and what it makes of a nested or stray one is its own.
 */
final class XlsxSheetCapture implements XlsxCapture.Part {

    /** One cell as written: its column, its type (n, s, i for inlineStr, f for str, b, e), style and value text. */
    record RawCell(int column, char type, int style, String value) {
    }

    private record RawRow(int number, List<RawCell> cells) {
    }

    private final XlsxCapture.CellBudget budget;
    private final List<RawRow> rows = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean sheetDataSeen;
    private int sheetDataDepth;
    private int rowNumber;
    private List<RawCell> rowCells;
    private int column;
    private char type;
    private int style;
    private String value;
    private int values;
    private int inlineStrings;
    /** The v, f or is being read and its depth (0 outside one). */
    private String child;
    private int childDepth;

    XlsxSheetCapture(XlsxCapture.CellBudget budget) {
        this.budget = budget;
    }

    @Override
    public void start(XMLStreamReader xml, String name, int depth) throws NotPlain {
        if (sheetDataDepth == 0) {
            if ("sheetData".equals(name)) {
                if (sheetDataSeen) {
                    throw new NotPlain(); // fastexcel reads the first only
                }
                sheetDataSeen = true;
                sheetDataDepth = depth;
            }
            return;
        }
        if (childDepth > 0) {
            if (!"is".equals(child)) {
                throw new NotPlain(); // markup inside a value or formula
            }
            return; // the runs of an inline string: their text is the string's
        }
        switch (depth - sheetDataDepth) {
            case 1 -> row(xml, name);
            case 2 -> cell(xml, name);
            case 3 -> cellChild(xml, name, depth);
            default -> throw new NotPlain();
        }
    }

    private void row(XMLStreamReader xml, String name) throws NotPlain {
        String r = xml.getAttributeValue(null, "r");
        if (!"row".equals(name) || r == null || !XlsxCapture.digits(r) || r.length() > 7) {
            throw new NotPlain();
        }
        rowNumber = Integer.parseInt(r);
        rowCells = new ArrayList<>();
    }

    private void cell(XMLStreamReader xml, String name) throws NotPlain {
        if (!"c".equals(name)) {
            throw new NotPlain();
        }
        budget.take();
        column = column(xml.getAttributeValue(null, "r"));
        String t = xml.getAttributeValue(null, "t");
        type = t == null ? 'n' : switch (t) {
            case "n" -> 'n';
            case "s" -> 's';
            case "inlineStr" -> 'i';
            case "str" -> 'f';
            case "b" -> 'b';
            case "e" -> 'e';
            default -> throw new NotPlain(); // fastexcel refuses types it does not know ("d" among them)
        };
        String s = xml.getAttributeValue(null, "s");
        if (s != null && (!XlsxCapture.digits(s) || s.length() > 8)) {
            throw new NotPlain();
        }
        style = s == null ? -1 : Integer.parseInt(s);
        value = null;
        values = 0;
        inlineStrings = 0;
    }

    private void cellChild(XMLStreamReader xml, String name, int depth) throws NotPlain {
        switch (name) {
            case "v" -> {
                if (++values > 1) {
                    throw new NotPlain();
                }
            }
            case "f" -> {
                String t = xml.getAttributeValue(null, "t");
                if ("shared".equals(t) || "array".equals(t)) {
                    throw new NotPlain(); // fastexcel works these out from other cells, and may fail doing so
                }
            }
            case "is" -> {
                if (type != 'i' || ++inlineStrings > 1) {
                    throw new NotPlain();
                }
            }
            default -> throw new NotPlain();
        }
        child = name;
        childDepth = depth;
        text.setLength(0);
    }

    @Override
    public void end(String name, int depth) {
        if (sheetDataDepth == 0) {
            return;
        }
        if (childDepth > 0) {
            if (depth == childDepth) {
                childDepth = 0;
                // An inline string's cell reads its <is>, not a <v> beside it, as fastexcel does; a
                // formula's text changes no cell's text (its cached value is what is read).
                if ("is".equals(child) || "v".equals(child) && type != 'i') {
                    value = text.toString();
                }
            }
            return;
        }
        switch (depth - sheetDataDepth) {
            case 0 -> sheetDataDepth = 0;
            case 1 -> {
                rows.add(new RawRow(rowNumber, rowCells));
                rowCells = null;
            }
            case 2 -> rowCells.add(new RawCell(column, type, style, value));
            default -> {
            }
        }
    }

    @Override
    public boolean wantsText() {
        return childDepth > 0 && !"f".equals(child);
    }

    @Override
    public void text(char[] chars, int start, int length) {
        text.append(chars, start, length);
    }

    /** The rows as the clerk sees them, every cell rendered. */
    List<SheetRow> rows(XlsxCellTexts texts) throws NotPlain {
        List<SheetRow> sheetRows = new ArrayList<>(rows.size());
        for (RawRow row : rows) {
            sheetRows.add(new SheetRow(row.number(), texts.row(row.cells())));
        }
        return sheetRows;
    }

    /** Column index of an A1 reference written plainly (upper-case letters, then the row). */
    private static int column(String ref) throws NotPlain {
        if (ref == null) {
            throw new NotPlain(); // fastexcel counts along the row: not plain
        }
        int column = 0;
        int i = 0;
        while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            column = column * 26 + ref.charAt(i) - 'A' + 1;
            i++;
        }
        if (i == 0 || i > 3 || i == ref.length() || !XlsxCapture.digits(ref.substring(i))
                || column > ReadLimits.MAX_COLUMNS) {
            throw new NotPlain();
        }
        return column - 1;
    }
}
