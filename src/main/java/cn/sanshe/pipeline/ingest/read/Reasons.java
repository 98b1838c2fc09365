package cn.sanshe.pipeline.ingest.read;

/**
 * Why a file is refused, in the words a street clerk reads in the run report. One place, so the
 * same fault always reads the same whichever format it was found in.
 */
final class Reasons {

    static final String EMPTY = "文件为空（0字节）";
    static final String UNREADABLE = "文件不存在或无法读取";
    static final String CORRUPT = "文件已损坏或不完整，无法作为Excel文件打开";
    static final String ZIP_BOMB = "压缩内容异常膨胀（疑似压缩炸弹），已拒收";
    static final String XML_ENTITY = "文件含有不允许的XML实体声明，已拒收";
    static final String ENCRYPTED = "工作簿已加密，请去掉密码后重新报送";
    static final String NOT_A_TABLE = "不是表格文件";
    static final String HTML = "不是表格文件：内容是网页（HTML），请用Excel打开后另存为.xlsx再报送";
    static final String XML = "不是表格文件：内容是XML，请用Excel打开后另存为.xlsx再报送";
    static final String XLSB = "不支持Excel二进制工作簿（.xlsb），请用Excel另存为.xlsx后重新报送";
    static final String TOO_OLD = "Excel 95或更早版本的文件格式过旧，请用Excel另存为.xlsx后重新报送";
    static final String TOO_MANY_STRINGS = "文件中的文字内容过多（超过%d MB），请拆分成几个文件后重新报送";
    static final String XLS_TOO_BIG = ".xls（Excel 97-2003）文件超过%d MB，请用Excel另存为.xlsx后重新报送";
    static final String CSV_CHARSET_UNSUPPORTED = "CSV文件编码不受支持：检测为%s，请另存为UTF-8或GBK编码的CSV后重新报送";
    static final String CSV_CHARSET_UNKNOWN = "无法识别CSV文件的编码，请另存为UTF-8或GBK编码的CSV后重新报送";
    static final String CSV_BAD_BYTES = "CSV文件编码有误：按%s读取时第%d行有无法识别的字节，请检查后另存为UTF-8或GBK编码的CSV重新报送";
    static final String CSV_OPEN_QUOTE = "CSV文件第%d行的引号没有配对（从这里到文件末尾都在引号里），请检查后重新报送";
    static final String CSV_RECORD_TOO_LONG = "CSV文件第%d行内容过长（超过%d个字符），可能是引号没有配对，请检查后重新报送";

    static final String XML_TOO_DEEP = "文件内部结构异常（XML嵌套超过%d层），已拒收";
    static final String TOO_MANY_ROWS = "工作表行数超过Excel的上限（1,048,576行），文件可能已损坏或被改动，已拒收";
    static final String TOO_MANY_CELLS = "文件的单元格数量超过上限（%d个），请拆分成几个文件后重新报送";
    static final String CELL_OUT_OF_RANGE = "单元格位置超出Excel的范围（列超过XFD或行超过1,048,576），文件可能已损坏或被改动，已拒收";
    static final String ROW_TOO_WIDE = "一行的单元格超过Excel的上限（16,384列），文件可能已损坏或被改动，已拒收";
    static final String SHARED_STRING_MISSING = "单元格引用了文件中不存在的文字条目，文件可能已损坏或被改动，已拒收";
    static final String CELL_TOO_LONG = "单元格内容超过Excel的上限（32,767个字符），文件可能已损坏或被改动，已拒收";
    static final String MEMORY_BUDGET = "读取此文件所需内存超过每个文件的限额（%d MB），请拆分成几个文件后重新报送";

    private Reasons() {
    }
}
