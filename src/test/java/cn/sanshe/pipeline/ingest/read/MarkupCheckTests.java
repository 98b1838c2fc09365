package cn.sanshe.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight markup check passes over ordinary bytes in a tight loop; whatever the bytes and
 * however they are cut into buffers, it must decide exactly as the plain byte-by-byte check does.
 */
class MarkupCheckTests {

    /** The byte-by-byte check as it was before the shortcut: the reference. */
    private static final class Reference {
        private static final byte[] DOCTYPE = "<!doctype".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ENTITY = "<!entity".getBytes(StandardCharsets.US_ASCII);
        int doctype;
        int entity;
        long textRun;
        int refState;
        int refLetters;
        byte previous = ' ';
        boolean malformed;
        boolean refused;

        void check(byte[] buf, int length, long maxTextRun) {
            for (int i = 0; i < length && !refused; i++) {
                byte b = buf[i];
                if (b == 0) {
                    continue;
                }
                byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
                doctype = b(DOCTYPE, doctype, lower);
                entity = b(ENTITY, entity, lower);
                if (doctype == DOCTYPE.length || entity == ENTITY.length) {
                    refused = true;
                }
                textRun = b == '<' ? 0 : textRun + 1;
                if (textRun > maxTextRun) {
                    malformed = true;
                }
                boolean space = space(b);
                switch (refState) {
                    case 0 -> refState = b == 'r' && space(previous) ? 1 : 0;
                    case 1 -> refState = b == '=' ? 2 : space ? 1 : 0;
                    case 2 -> {
                        if (b == '"' || b == '\'') {
                            refState = 3;
                            refLetters = 0;
                        } else if (!space) {
                            refState = 0;
                        }
                    }
                    default -> {
                        if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z') {
                            refLetters++;
                        } else if (b >= '0' && b <= '9' && refLetters > 3) {
                            malformed = true;
                            refState = 0;
                        } else if (b != '$') {
                            refState = 0;
                        }
                    }
                }
                previous = b;
            }
        }

        private static int b(byte[] word, int matched, byte b) {
            return b == word[matched] ? matched + 1 : b == '<' ? 1 : 0;
        }

        private static boolean space(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
    }

    @Test
    void decidesAsTheByteByByteCheckOnAnyInput() {
        byte[] alphabet = "<!DOCTYPEdoctypeENTITYentity r=\"'$AXFDxfd19 \t\n\rcv>/".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(20261121);
        int refusedSeen = 0;
        int malformedSeen = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(120)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(alphabet.length + 2);
                bytes[i] = pick >= alphabet.length ? 0 : alphabet[pick];
            }
            if (round % 7 == 0) {
                // Sprinkle the words themselves, so refusals are reached often.
                byte[] word = (round % 2 == 0 ? "<!DocType" : " r=\"ABCD1").getBytes(StandardCharsets.US_ASCII);
                int from = random.nextInt(Math.max(1, bytes.length - word.length + 1));
                System.arraycopy(word, 0, bytes, from, Math.min(word.length, bytes.length - from));
            }
            Reference reference = new Reference();
            XlsxInspector.MarkupCheck check = new XlsxInspector.MarkupCheck();
            boolean refused = false;
            int at = 0;
            while (at < bytes.length && !refused) {
                int n = 1 + random.nextInt(bytes.length - at);
                byte[] piece = Arrays.copyOfRange(bytes, at, at + n);
                reference.check(piece, n, XlsxInspector.MarkupCheck.MAX_TEXT_RUN);
                // As a parser hands its buffer over: the piece somewhere inside, other bytes around it
                // (the checks must not read them: they are '<' and 'r', which would change the verdict).
                int offset = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
                byte[] buffer = new byte[offset + n + random.nextInt(4)];
                Arrays.fill(buffer, (byte) (round % 2 == 0 ? '<' : 'r'));
                System.arraycopy(piece, 0, buffer, offset, n);
                try {
                    check.check(buffer, offset, offset + n);
                } catch (FileRefusedException e) {
                    refused = true;
                }
                at += n;
            }
            assertThat(refused).as("refused, round %d: %s", round, new String(bytes, StandardCharsets.ISO_8859_1))
                    .isEqualTo(reference.refused);
            if (!refused) {
                assertThat(check.malformed()).as("malformed, round %d: %s", round,
                        new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(reference.malformed);
            }
            refusedSeen += refused ? 1 : 0;
            malformedSeen += !refused && check.malformed() ? 1 : 0;
        }
        assertThat(refusedSeen).as("inputs that were refused").isGreaterThan(100);
        assertThat(malformedSeen).as("inputs with a column past XFD").isGreaterThan(100);
    }
}
