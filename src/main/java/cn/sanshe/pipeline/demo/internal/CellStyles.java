package cn.sanshe.pipeline.demo.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles a form uses, created once per workbook (xls caps the number of styles). */
final class CellStyles {

    private final Workbook workbook;
    final CellStyle title;
    final CellStyle plain;
    final CellStyle header;
    final CellStyle body;
    private final Map<String, CellStyle> formatted = new HashMap<>();

    CellStyles(Workbook workbook) {
        this.workbook = workbook;
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        plain = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        body = bordered();
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /** A bordered body style showing numbers or dates through the given Excel format. */
    CellStyle format(String format) {
        if (format == null) {
            return body;
        }
        return formatted.computeIfAbsent(format, f -> {
            CellStyle style = bordered();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(f));
            return style;
        });
    }
}
