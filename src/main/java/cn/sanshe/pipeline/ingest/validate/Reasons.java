package cn.sanshe.pipeline.ingest.validate;

import java.util.List;

/**
 * Every reason a row is rejected or skipped, worded for the street clerk who fixes the row: each
 * names its column and, except for identity numbers (personal information), the value as typed.
 */
final class Reasons {

    static final String BLANK_ROW = "空行";
    static final String TOTAL_ROW = "合计行";
    static final String SIGNATURE_ROW = "签名行";

    static final String NO_PERIOD = "无法确定统计月份";
    static final String REGISTERED_WITHOUT_CREDIT_CODE = "已登记的组织缺少统一社会信用代码";
    static final String STREET_LEVEL_WITHOUT_STREET = "街道级基地缺少所在街道代码";
    static final String GRADUATED_OVER_CUMULATIVE = "出壳组织数不能大于累计孵化数";
    static final String BIRTH_DATE_MISMATCH = "出生日期与身份证号不符";

    private Reasons() {
    }

    static String missing(String header) {
        return "缺少必填项：" + header;
    }

    static String notWholeNumber(String header, String raw) {
        return header + "应为不小于0的整数，实为“" + raw + "”";
    }

    static String notNumber(String header, String raw) {
        return header + "应为不小于0的数，实为“" + raw + "”";
    }

    static String notPositive(String header, String raw) {
        return header + "应为大于0的数，实为“" + raw + "”";
    }

    static String notDate(String header, String raw) {
        return header + "“" + raw + "”不是有效日期";
    }

    static String notPeriod(String header, String raw) {
        return header + "“" + raw + "”不是有效月份";
    }

    static String notYear(String header, String raw) {
        return header + "“" + raw + "”不是有效年份";
    }

    static String notPhone(String header, String raw) {
        return header + "“" + raw + "”不是有效的电话号码";
    }

    static String notYesNo(String header, String raw) {
        return header + "“" + raw + "”应为是或否";
    }

    static String notRating(String header, String raw) {
        return header + "“" + raw + "”不是有效等级（应为1A至5A）";
    }

    static String notInVocabulary(String header, String raw, List<String> accepted) {
        return header + "“" + raw + "”不是可选值（" + String.join("、", accepted) + "）";
    }

    static String badNameLength(String header, String raw) {
        return header + "应为2至20个字，实为“" + raw + "”";
    }

    static String badCodeShape(String header, String shape, String raw) {
        return header + "应为" + shape + "，实为“" + raw + "”";
    }

    /** The wording sources.md gives: {@code 社区代码 130102001099 不在区划表中}. */
    static String unknownCode(String header, String code) {
        return header + " " + code + " 不在区划表中";
    }

    static String notLevel(String header, String code, String level) {
        return header + " " + code + " 不是" + level + "一级的代码";
    }

    static String outsideUnit(String header, String code, String unit) {
        return header + " " + code + " 不属于报送单位 " + unit;
    }

    static String notSendingStreet(String header, String code, String unit) {
        return header + " " + code + " 与报送单位 " + unit + " 不一致";
    }

    static String streetOutsideDistrict(String streetHeader, String street, String districtHeader, String district) {
        return streetHeader + " " + street + " 不属于" + districtHeader + " " + district;
    }

    static String ageOutOfRange(int age) {
        return "年龄应在16至80岁之间，按身份证号为" + age + "岁";
    }

    static String genderMismatch(String genderByNumber) {
        return "性别与身份证号不符：身份证号为" + genderByNumber;
    }
}
