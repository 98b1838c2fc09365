package cn.sanshe.pipeline.reconcile.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** identifiers.md's "who is the same organization", rule by rule. */
class OrgMatcherTests {

    static final List<String> PLACES = List.of("河北省", "石家庄市", "长安区", "建北街道");
    static final String COMMUNITY = "130102001001";

    OrgIndex index;
    OrgMatcher matcher;

    @BeforeEach
    void aDistrictWithOneOrganization() {
        index = new OrgIndex();
        matcher = new OrgMatcher(MatchThresholds.DEFAULT);
        index.absorb(1, row("阳光社区老年协会", null, "张敏", "13912345678"));
    }

    static OrgRow row(String name, String credit, String person, String phone) {
        return new OrgRow("S2", 0, "2026-10", "130102", OrgNames.normalise(name, PLACES), COMMUNITY, credit, person, phone);
    }

    @ParameterizedTest
    @CsvSource({
        "石家庄市长安区建北街道阳光社区老年协会, 阳光社区老年协会",
        "长安区阳光社区老年协会, 阳光社区老年协会",
        "石家庄长安阳光社区老年协会, 阳光社区老年协会",
        "阳光社区（老年）协会, 阳光社区老年协会",
        "阳光社区 老年协会 , 阳光社区老年协会",
        "阳光社区(老年)协会, 阳光社区老年协会",
        "ＡＢＣ读书会, ABC读书会",
        "长安区, 长安区"})
    void normalisesNamesAsIdentifiersSays(String written, String expected) {
        assertThat(OrgNames.normalise(written, PLACES)).isEqualTo(expected);
    }

    @Test
    void theSameCreditCodeIsTheSameOrganizationWhateverTheName() {
        index.absorb(2, row("长安区青少年发展促进会", "52130102MA0000011X", null, null));

        OrgDecision decision = matcher.decide(row("完全不同的名字", "52130102MA0000011X", null, null), index);

        assertThat(decision).isEqualTo(new OrgDecision.Join(2, "credit_code", 1.0));
    }

    @Test
    void theSameNormalisedNameInTheDistrictJoinsAndARegistrationJoinsTheFiledOrganization() {
        OrgDecision decision = matcher.decide(row("石家庄市长安区阳光社区老年协会", "52130102MA0000029X", null, null), index);

        assertThat(decision).isEqualTo(new OrgDecision.Join(1, "name", 1.0));
    }

    @Test
    void aHomophoneTypoWithTheSamePersonAndPhoneJoinsByScore() {
        OrgDecision decision = matcher.decide(row("杨光社区老年协会", null, "张敏", "13912345678"), index);

        assertThat(decision).isInstanceOf(OrgDecision.Join.class);
        assertThat(((OrgDecision.Join) decision).how()).isEqualTo("score");
    }

    @Test
    void aDroppedCharacterWithTheSamePersonAndNoPhoneJoins() {
        OrgDecision decision = matcher.decide(row("阳光社区老协会", null, "张敏", null), index);

        assertThat(decision).isInstanceOf(OrgDecision.Join.class);
    }

    @Test
    void aSwapOfTwoCharactersIsOneSlip() {
        assertThat(NameSimilarity.distance("书香亲子读书会", "香书亲子读书会")).isOne();
    }

    @Test
    void aNearIdenticalNameWithNothingElseInCommonGoesToAStewardNeverMerges() {
        OrgDecision decision = matcher.decide(row("杨光社区老年协会", null, null, null), index);

        assertThat(decision).isInstanceOf(OrgDecision.Start.class);
        assertThat(((OrgDecision.Start) decision).reviewWith()).isEqualTo(1L);
    }

    @Test
    void aDroppedCharacterWithTheSamePersonButAnotherPhoneGoesToAStewardNotAGuess() {
        OrgDecision decision = matcher.decide(row("阳光社区老协会", null, "张敏", "13900009999"), index);

        assertThat(decision).isInstanceOf(OrgDecision.Start.class);
        assertThat(((OrgDecision.Start) decision).reviewWith()).isEqualTo(1L);
        assertThat(((OrgDecision.Start) decision).evidence()).contains("负责人相同").contains("同社区");
    }

    @Test
    void aDifferentOrganizationOfTheSameCommunityIsDistinct() {
        OrgDecision decision = matcher.decide(row("阳光社区舞蹈队", null, "李强", "13800000000"), index);

        assertThat(decision).isEqualTo(new OrgDecision.Start(null, 0, null));
    }

    @Test
    void twoDifferentCreditCodesAreNeverJoinedByName() {
        index.absorb(3, row("长安区义工联合会", "52130102MA0000037X", null, null));

        OrgDecision decision = matcher.decide(row("长安区义工联合会", "52130102MA0000045X", null, null), index);

        assertThat(decision).isInstanceOf(OrgDecision.Start.class);
    }

    @Test
    void soundsCountAsMuchAsCharacters() {
        String a = "和谐家园志愿队";
        String b = "和协佳园志愿队";
        assertThat(NameSimilarity.of(a, Pinyin.syllables(a), b, Pinyin.syllables(b))).isEqualTo(1.0);
        assertThat(NameSimilarity.of("老年协会", Pinyin.syllables("老年协会"), "舞蹈队", Pinyin.syllables("舞蹈队")))
                .isLessThan(0.3);
    }

    @Test
    void thresholdsMustBeOrdered() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MatchThresholds(0.7, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
