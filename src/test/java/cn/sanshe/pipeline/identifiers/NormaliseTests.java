package cn.sanshe.pipeline.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes typed in plain ASCII skip the normaliser: they come out as the normaliser makes them. */
class NormaliseTests {

    @Test
    void everyCharacterBesideDigitsComesOutAsTheNormaliserMakesIt() {
        int asTyped = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] {"1301" + c + "02", String.valueOf(c), c + "x", "X" + c}) {
                String code = Normalise.code(text);
                assertThat(code).as("U+%04X in %s", (int) c, text).isEqualTo(Normalise.byNormaliser(text));
                asTyped += code == text ? 1 : 0;
            }
        }
        // the shortcut is taken for U+0021…U+007F but a–z (69 characters) in three of the four forms
        // (the fourth ends in a lower-case x, which is upper-cased)
        assertThat(asTyped).isEqualTo(3 * 69);
        assertThat(Normalise.code("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(Normalise.code("１３０１ ０２")).isEqualTo("130102");
    }
}
