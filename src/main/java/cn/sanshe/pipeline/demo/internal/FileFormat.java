package cn.sanshe.pipeline.demo.internal;

/** The formats streets really send; CSV in one of three encodings, never announced. */
enum FileFormat {
    XLSX, XLS, CSV;

    String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean workbook() {
        return this != CSV;
    }

    enum Encoding { UTF8_BOM, UTF8, GBK }
}
