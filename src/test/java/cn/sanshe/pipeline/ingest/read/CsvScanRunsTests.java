package cn.sanshe.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan passes over the characters inside a field in runs. Against the rules applied one
 * character at a time (written out again below, as the scan had them), random texts made of the
 * characters that matter — quotes, commas, line ends, NUL — and plain ones give the same verdict:
 * accepted, or refused with the same words and line.
 */
class CsvScanRunsTests {

    private static final char[] ALPHABET = {'a', '中', '1', ',', '"', '\n', '\r', '\0'};

    @Test
    void runsGiveTheVerdictOfOneCharacterAtATime() {
        Random random = new Random(20261207);
        int refused = 0;
        for (int n = 0; n < 100_000; n++) {
            int maxRecordChars = 1 + random.nextInt(30);
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                // mostly plain characters, as in a real file, so that runs form
                char c = random.nextInt(3) > 0 ? ALPHABET[random.nextInt(3)] : ALPHABET[random.nextInt(ALPHABET.length)];
                text.append(c == '\0' && random.nextInt(4) > 0 ? 'a' : c);
            }
            String expected = oneAtATime(text.toString(), maxRecordChars);
            String actual = scanned(text.toString(), maxRecordChars);
            assertThat(actual).as("%s (at most %d characters a record)", text.toString()
                    .replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"), maxRecordChars)
                    .isEqualTo(expected);
            if (!expected.equals("ok")) {
                refused++;
            }
        }
        // the texts meet every rule, not only the happy path
        assertThat(refused).isBetween(10_000, 90_000);
    }

    private static String scanned(String text, int maxRecordChars) {
        try {
            CsvScan.checkedText(text.getBytes(StandardCharsets.UTF_8),
                    new CsvCharsets.Decision(StandardCharsets.UTF_8, 0, "UTF-8"),
                    ReadLimits.DEFAULTS.withMaxCsvRecordChars(maxRecordChars));
            return "ok";
        } catch (FileRefusedException e) {
            return e.getMessage();
        }
    }

    /**
     * The scan's rules, one character at a time and put another way than the scan puts them: commons-csv's
     * quotes, its line count, the record length.
     */
    private static String oneAtATime(String text, int maxRecordChars) {
        int fieldStart = 0;
        int unquoted = 1;
        int quoted = 2;
        int quoteInQuoted = 3;
        int state = fieldStart;
        long line = 1;
        long recordStartLine = 1;
        long recordChars = 0;
        boolean afterCr = false;
        for (char c : text.toCharArray()) {
            if (c == '\0') {
                return Reasons.NOT_A_TABLE;
            }
            boolean newline = c == '\n' || c == '\r';
            if (c == '\n' && afterCr) {
                afterCr = false;
            } else if (newline) {
                line++;
                afterCr = c == '\r';
            } else {
                afterCr = false;
            }
            boolean endRecord = false;
            if (state == quoted) {
                if (c == '"') {
                    state = quoteInQuoted;
                }
            } else if (c == '"' && (state == fieldStart || state == quoteInQuoted)) {
                state = quoted;   // opens a quoted field, or doubles a quote inside one
            } else if (c == ',') {
                state = fieldStart;
            } else if (newline) {
                endRecord = true;
            } else {
                state = unquoted;
            }
            if (endRecord) {
                state = fieldStart;
                recordChars = 0;
                recordStartLine = line;
            }
            if ((state != fieldStart || !newline) && ++recordChars > maxRecordChars) {
                return String.format(Locale.ROOT, Reasons.CSV_RECORD_TOO_LONG, recordStartLine, maxRecordChars);
            }
        }
        return state == quoted ? String.format(Locale.ROOT, Reasons.CSV_OPEN_QUOTE, recordStartLine) : "ok";
    }
}
