package cn.sanshe.pipeline.reconcile.match;

import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * One toneless syllable per character, so that a homophone typo (杨光 for 阳光, 和协 for 和谐)
 * costs nothing when names are compared by sound.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private Pinyin() {
    }

    public static List<String> syllables(String text) {
        List<String> syllables = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String[] readings = null;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            // The first reading is the common one; a character without one stands for itself.
            syllables.add(readings == null || readings.length == 0 ? String.valueOf(c) : readings[0]);
        }
        return syllables;
    }
}
