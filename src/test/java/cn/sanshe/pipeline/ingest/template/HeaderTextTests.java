package cn.sanshe.pipeline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(RootLocale.class)
class HeaderTextTests {

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            社区代码              | 社区代码
            ' 社区 代码 '         | 社区代码
            ＊姓名                | 姓名
            *姓名                 | 姓名
            姓名*                 | 姓名
            身份证号（必填）      | 身份证号(必填)
            社区（村）名称        | 社区(村)名称
            面积（㎡）            | 面积(m2)
            面积【平方米】        | 面积(平方米)
            登记/备案             | 登记/备案
            ｂ１２                | b12
            """)
    void normalises(String raw, String expected) {
        assertThat(HeaderText.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] line break in {0}")
    @CsvSource({"'综合服务\n设施面积', 综合服务设施面积", "'常住\r\n人口', 常住人口", "'身份证号\n（必填）', 身份证号(必填)",
            "'社区\t代码', 社区代码", "'社区\u3000代码', 社区代码"})
    void removesLineBreaksAndTabsInsideTheCell(String raw, String expected) {
        assertThat(HeaderText.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            面积（㎡）                 | 面积(m2), 面积
            身份证号(必填)             | 身份证号(必填), 身份证号
            社区（村）代码（必填）     | 社区(村)代码(必填), 社区(村)代码
            社区(村)名称               | 社区(村)名称
            户数                       | 户数
            """)
    void triesTheWholeTextBeforeDroppingBracketedSuffixes(String raw, String forms) {
        assertThat(HeaderText.forms(raw)).isEqualTo(List.of(forms.split(", ")));
    }
}
