package cn.sanshe.pipeline.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionCodeTests {

    @ParameterizedTest
    @CsvSource({
        "130000000000, PROVINCE, ",
        "130100000000, CITY, 130000000000",
        "130102000000, DISTRICT, 130100000000",
        "130102001000, STREET, 130102000000",
        "130102001201, COMMUNITY, 130102001000"})
    void readsLevelAndParentFromTheCodesShape(String code, Level level, String parent) {
        assertThat(DivisionCode.levelOf(code)).isEqualTo(level);
        assertThat(DivisionCode.structuralParent(code)).isEqualTo(parent);
    }

    @ParameterizedTest
    @CsvSource({"130102001, 130102001000", "130102001000, 130102001000"})
    void acceptsStreetsInNineOrTwelveDigits(String written, String twelve) {
        assertThat(DivisionCode.streetTo12(written)).isEqualTo(twelve);
    }
}
