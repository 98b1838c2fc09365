package cn.sanshe.pipeline.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void acceptsTheStandardsExample() {
        // GB 11643-1999's worked example.
        CodeCheck check = IdentityNumber.check("11010519491231002X", TODAY);
        assertThat(check.isValid()).isTrue();
        assertThat(IdentityNumber.gender(check.value())).isEqualTo("女");
        assertThat(IdentityNumber.birthDate(check.value())).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void acceptsLowerCaseX() {
        assertThat(IdentityNumber.check("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void upgradesLegacyFifteenDigits() {
        // 15-digit 110105491231002 is the same person as 11010519491231002X.
        assertThat(IdentityNumber.check("110105491231002", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void namesTheExpectedCheckCharacter() {
        assertThat(IdentityNumber.check("110105194912310021", TODAY).problem()).isEqualTo("身份证号校验位不符，请核对证件原件");
    }

    @Test
    void refusesImpossibleAndFutureBirthDates() {
        String feb30 = "13010219900230001";
        assertThat(IdentityNumber.check(feb30 + IdentityNumber.checkCharacter(feb30), TODAY).problem())
                .contains("不是真实日期");
        String future = "13010220270101001";
        assertThat(IdentityNumber.check(future + IdentityNumber.checkCharacter(future), TODAY).problem())
                .contains("晚于今天");
    }

    @Test
    void refusesWrongLength() {
        assertThat(IdentityNumber.check("1301021990", TODAY).problem()).contains("实为10位");
    }

    @Test
    void masksAllButAddressAndLastFour() {
        assertThat(IdentityNumber.mask("130102199001011234")).isEqualTo("130102********1234");
    }

    @Test
    void masksNumbersQuotedInsideAText() {
        assertThat(IdentityNumber.maskIn("性别“130102198001010440”不是可选值；旧号110105491231002；电话13912345678"))
                .isEqualTo("性别“130102********0440”不是可选值；旧号110105*****1002；电话13912345678");
    }
}
