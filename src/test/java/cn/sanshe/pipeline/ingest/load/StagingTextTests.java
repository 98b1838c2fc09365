package cn.sanshe.pipeline.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StagingTextTests {

    @Test
    void writesFieldsAsLoadDataReadsThem() throws IOException {
        StagingText text = new StagingText(4)
                .number(42).next("张三").next(null).next(true).next(false).next(new BigDecimal("1E+3"))
                .next(LocalDate.of(2026, 10, 1)).next(7L).endRow()
                .field("a\\b\tc\nd\re\0f").endRow();

        assertThat(text.rowCount()).isEqualTo(2);
        assertThat(new String(text.stream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("42\t张三\t\\N\t1\t0\t1000\t2026-10-01\t7\na\\\\b\\tc\\nd\\re\\0f\n");
    }

    @Test
    void encodesEveryCharacterAsUtf8() {
        // Two-, three- and four-byte characters (𠀀 is a surrogate pair), full-width forms, a lone surrogate.
        String value = "é中ｅ𠀀\uD800x";
        String written = new StagingText(1).field(value).toString();

        assertThat(new StagingText(1).field(value).toBytes()).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        assertThat(written).isEqualTo("é中ｅ𠀀?x");
    }

    @Test
    void joinsRowsWrittenElsewhereAfterTheSheetId() throws IOException {
        byte[] tail = new StagingText(8).next(3).next("王芳").endRow().toBytes();
        StagingText chunk = new StagingText(8);
        chunk.number(9).rows(tail, 1).number(10).rows(tail, 1);

        assertThat(chunk.rowCount()).isEqualTo(2);
        assertThat(new String(chunk.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("9\t3\t王芳\n10\t3\t王芳\n");
        chunk.clear();
        assertThat(chunk.rowCount()).isZero();
        assertThat(chunk.length()).isZero();
    }
}
