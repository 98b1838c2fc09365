package cn.sanshe.pipeline.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTests {

    // Published codes of real organizations (check characters computed by their registries).
    @ParameterizedTest
    @CsvSource({"91350100M000100Y43", "91110000802100433B", "91110108551385082Q", "91440300708461136T"})
    void acceptsPublishedCodes(String code) {
        assertThat(CreditCode.check(code).isValid()).isTrue();
    }

    @Test
    void normalisesFullWidthLowerCaseAndSpaces() {
        CodeCheck check = CreditCode.check(" ９１３５０１００ｍ000100y43 ");
        assertThat(check.isValid()).isTrue();
        assertThat(check.value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void namesTheExpectedCheckCharacter() {
        CodeCheck check = CreditCode.check("91350100M000100Y44");
        assertThat(check.isValid()).isFalse();
        assertThat(check.problem()).isEqualTo("统一社会信用代码校验位不符，请核对登记证书");
    }

    @Test
    void refusesWrongLengthAndLettersOutsideTheAlphabet() {
        assertThat(CreditCode.check("9135010").problem()).contains("应为18位");
        assertThat(CreditCode.check("91350100O000100Y43").problem()).contains("第9位").contains("O");
    }

    @Test
    void checkCharacterThirtyOneIsZero() {
        // Search a code whose weighted sum is a multiple of 31: its check character must be 0.
        String first17 = null;
        for (int n = 0; n < 100_000 && first17 == null; n++) {
            String candidate = String.format("5113010200000%04d", n);
            int sum = 0;
            int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
            for (int i = 0; i < 17; i++) {
                sum += CreditCode.ALPHABET.indexOf(candidate.charAt(i)) * weights[i];
            }
            if (sum % 31 == 0) {
                first17 = candidate;
            }
        }
        assertThat(first17).isNotNull();
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo('0');
    }
}
