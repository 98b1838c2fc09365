package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A community worker holding one post in one community for a stretch of months.
 *
 * @param idNumber  the 18-character number; how a clerk writes it is decided when rendering
 * @param certLevel 助理社会工作师 / 社会工作师 / 高级社会工作师, or null without a certificate
 * @param from      first month on the roster; null = since before the demo
 * @param until     first month off the roster; null = still there
 * @param legacyId  the clerk copied the old 15-digit number
 * @param lowerX    the clerk typed the check character X in lower case
 */
record Worker(
        String key, String communityCode, String streetCode, String districtCode, String name,
        String idNumber, LocalDate birthDate, String gender, String education, String politics,
        String post, int postRank, boolean committeeMember, boolean socialWorkPost, String certLevel,
        String certNumber, int certYear, LocalDate hiredOn, String phone, YearMonth from, YearMonth until,
        boolean legacyId, boolean lowerX) {

    boolean onRoster(YearMonth month) {
        return DemoClock.reached(from, month) && DemoClock.before(until, month);
    }

    boolean certified() {
        return certLevel != null;
    }

    /** The district register knows a certificate once its holder has started work here. */
    boolean certifiedBy(YearMonth month) {
        return certified() && DemoClock.reached(from, month);
    }
}
