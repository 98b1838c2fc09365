package cn.sanshe.pipeline.ingest.validate;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell text as clerks type it, parsed into values: numbers typed as text, with thousands
 * separators or full-width digits; dates in every form of sources.md and as Excel serial numbers;
 * periods, years, phones, yes/no, ratings. Pure functions; an empty result means "not a valid
 * value of that kind", and the caller words the reason.
 */
public final class Values {

    /** A date as written; {@code monthOnly} for 2019.3 and 2019年3月, which name no day. */
    public record TextDate(LocalDate date, boolean monthOnly) {
    }

    /** Excel's day 0 in the 1900 date system, as counted for every date after February 1900. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Units clerks type after a figure: m² (NFKC turns ㎡ and m² into m2), 户, 人 … */
    private static final List<String> UNITS = List.of("平方米", "平米", "m2", "户", "人", "个", "名", "家");

    private static final Pattern TIME_OF_DAY = Pattern.compile("(.+?)[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final Pattern SEPARATED_DAY = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE_DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SEPARATED_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern CHINESE_MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月份?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(度)?");

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** 0 + a 2–3 digit area code + a 7–8 digit number. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

    private static final Set<String> YES = Set.of("是", "Y", "YES", "√", "✓", "✔", "1", "TRUE", "有", "已建成", "建成", "已建");
    private static final Set<String> NO = Set.of("否", "N", "NO", "×", "✗", "✘", "0", "FALSE", "无", "未建成", "未建");
    private static final Pattern RATING_DIGIT = Pattern.compile("([1-5])A");
    private static final Pattern RATING_LETTERS = Pattern.compile("A{1,5}");
    /** What clerks write in 评估等级 for an organization never rated; sources.md: blank = not rated. */
    private static final Set<String> UNRATED = Set.of("无", "未评估", "未评", "未参评", "未参加评估", "暂无");

    private static final java.util.regex.Pattern PHONE_PUNCTUATION = java.util.regex.Pattern.compile("[-—()]");

    private Values() {
    }

    /** NFKC (full-width digits, letters, brackets and commas to half-width), then trimmed. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        // Called for every cell: most cells are ASCII and common Chinese characters, which NFKC
        // leaves as they are, so the normaliser is only asked about the others.
        return (isNfkcStable(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC)).strip();
    }

    /**
     * Whether NFKC leaves the text as it is because every character is ASCII or a CJK unified
     * ideograph of the basic block (U+4E00–U+9FFF): neither has a decomposition, and no sequence of
     * them composes. Full-width forms, compatibility ideographs, radicals and circled ideographs
     * are outside both ranges and go through the normaliser.
     */
    static boolean isNfkcStable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #clean} without any whitespace inside: codes, numbers and dates have none. */
    public static String compact(String raw) {
        String text = clean(raw);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c <= ' ' ? Character.isWhitespace(c)
                    : c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)
                            && (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000');
            if (space && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!space && out != null) {
                out.append(c);
            }
        }
        // Called for every cell: no regular expression, and no copy when there is nothing to remove.
        return out == null ? text : out.toString();
    }

    /** Any number, negative ones included (the caller says why −5 households is wrong). */
    public static Optional<BigDecimal> number(String raw) {
        String text = compact(raw);
        // Most figures are plain digits: what the patterns below would make of them, without them.
        if (isDigits(text, 18)) {
            return Optional.of(BigDecimal.valueOf(Long.parseLong(text)));
        }
        return parsedNumber(text);
    }

    /** {@link #number} for text already compacted, by the patterns: units, grouping, signs, points. */
    static Optional<BigDecimal> parsedNumber(String text) {
        for (String unit : UNITS) {
            if (text.length() > unit.length() && text.toLowerCase(Locale.ROOT).endsWith(unit)) {
                text = text.substring(0, text.length() - unit.length());
                break;
            }
        }
        if (GROUPED.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        if (!PLAIN.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        return Optional.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** A number without a fractional part: 12 and 12.0 are 12, 12.5 is none. */
    public static Optional<Long> wholeNumber(String raw) {
        return number(raw).filter(n -> n.scale() <= 0).flatMap(n -> {
            try {
                return Optional.of(n.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return Optional.empty();
            }
        });
    }

    /**
     * A date in any of the forms of sources.md, an Excel serial number (20000–80000: 1954 to
     * 2119) or the reader's {@code yyyy-MM-dd HH:mm:ss}. Month-precision forms give the month's
     * first day. Impossible dates (2019-02-30) give none.
     */
    public static Optional<TextDate> date(String raw) {
        String text = clean(raw);
        if (text.indexOf(':') >= 0) {
            Matcher timed = TIME_OF_DAY.matcher(text);
            if (timed.matches()) {
                text = timed.group(1);
            }
        }
        text = compact(text);
        if (isIsoDay(text)) {
            // The commonest form by far (the readers render date cells so): no pattern needed.
            return day(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        Matcher m;
        if (SERIAL.matcher(text).matches()) {
            double serial = Double.parseDouble(text);
            return serial >= 20000 && serial <= 80000
                    ? Optional.of(new TextDate(EXCEL_EPOCH.plusDays((long) serial), false)) : Optional.empty();
        }
        if ((m = SEPARATED_DAY.matcher(text)).matches()) {
            return day(m.group(1), m.group(3), m.group(4));
        }
        if ((m = CHINESE_DAY.matcher(text)).matches() || (m = COMPACT_DAY.matcher(text)).matches()) {
            return day(m.group(1), m.group(2), m.group(3));
        }
        if ((m = SEPARATED_MONTH.matcher(text)).matches() || (m = CHINESE_MONTH.matcher(text)).matches()
                || (m = COMPACT_MONTH.matcher(text)).matches()) {
            return month(m.group(1), m.group(2)).map(ym -> new TextDate(ym.atDay(1), true));
        }
        return Optional.empty();
    }

    /** A reporting period: 2026-10, 2026年10月, 202610, 2026.10, 2026/10, or any date in the month. */
    public static Optional<YearMonth> period(String raw) {
        return date(raw).map(d -> YearMonth.from(d.date()));
    }

    /** A year: 2019, 2019年, or any date form (its year). */
    public static Optional<Integer> year(String raw) {
        Matcher m = YEAR.matcher(compact(raw));
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            return year >= MIN_YEAR && year <= MAX_YEAR ? Optional.of(year) : Optional.empty();
        }
        return date(raw).map(d -> d.date().getYear());
    }

    /** A mobile or landline number, once spaces, dashes and brackets around the area code are gone. */
    public static boolean isPhone(String raw) {
        String text = compact(raw);
        if (isDigits(text, Integer.MAX_VALUE)) {
            // Digits only, as most are: a mobile (1[3-9] + 9 digits) or 0 + area code + number, 10–12 digits.
            int length = text.length();
            return length == 11 && text.charAt(0) == '1' && text.charAt(1) >= '3'
                    || text.charAt(0) == '0' && length >= 10 && length <= 12;
        }
        return isPhoneByPattern(text);
    }

    /** {@link #isPhone} for text already compacted, by the patterns. */
    static boolean isPhoneByPattern(String text) {
        String digits = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches();
    }

    /** One to {@code max} ASCII digits and nothing else. */
    private static boolean isDigits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** 是/否, Y/N, √/×, 1/0, and the TRUE/FALSE of a boolean cell. */
    public static Optional<Boolean> yesNo(String raw) {
        String text = compact(raw).toUpperCase(Locale.ROOT);
        return YES.contains(text) ? Optional.of(true) : NO.contains(text) ? Optional.of(false) : Optional.empty();
    }

    /** 评估等级 1A … 5A, AAA, 3A级: the number of A's. */
    public static Optional<Integer> rating(String raw) {
        String text = compact(raw).toUpperCase(Locale.ROOT);
        if (text.endsWith("级")) {
            text = text.substring(0, text.length() - 1);
        }
        Matcher m = RATING_DIGIT.matcher(text);
        if (m.matches()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        return RATING_LETTERS.matcher(text).matches() ? Optional.of(text.length()) : Optional.empty();
    }

    /** 无, 未评估 …: a clerk's way of leaving 评估等级 blank. */
    public static boolean isUnrated(String raw) {
        return UNRATED.contains(compact(raw));
    }

    /** yyyy-MM-dd exactly. */
    private static boolean isIsoDay(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The number the ASCII digits {@code from} … {@code to} (exclusive) spell; the caller has checked they are digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static Optional<TextDate> day(String y, String m, String d) {
        return day(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    }

    private static Optional<TextDate> day(int year, int month, int dayOfMonth) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TextDate(LocalDate.of(year, month, dayOfMonth), false));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static Optional<YearMonth> month(String y, String m) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(m);
        return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12
                ? Optional.of(YearMonth.of(year, month)) : Optional.empty();
    }
}
