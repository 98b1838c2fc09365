package cn.sanshe.pipeline.reconcile.match;

import java.util.List;

/**
 * How alike two normalised names are, from 0 to 1: the better of a character-level edit distance
 * (a character added, dropped or replaced) and the same distance over pinyin syllables (a
 * homophone replaced), each as {@code 1 − distance ÷ longer length}.
 */
public final class NameSimilarity {

    private NameSimilarity() {
    }

    public static double of(String a, List<String> pinyinA, String b, List<String> pinyinB) {
        if (a.equals(b)) {
            return 1.0;
        }
        double characters = 1.0 - (double) levenshtein(a, b) / Math.max(a.length(), b.length());
        double sounds = 1.0 - (double) levenshtein(pinyinA, pinyinB) / Math.max(pinyinA.size(), pinyinB.size());
        return Math.max(characters, sounds);
    }

    static int levenshtein(CharSequence a, CharSequence b) {
        return org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b);
    }

    /** Edit distance over syllables: commons-text measures characters, so syllables are mapped to code points. */
    static int levenshtein(List<String> a, List<String> b) {
        java.util.Map<String, Integer> codes = new java.util.HashMap<>();
        return levenshtein(encode(a, codes), encode(b, codes));
    }

    private static String encode(List<String> syllables, java.util.Map<String, Integer> codes) {
        StringBuilder out = new StringBuilder(syllables.size());
        for (String syllable : syllables) {
            out.appendCodePoint(0xE000 + codes.computeIfAbsent(syllable, s -> codes.size()));
        }
        return out.toString();
    }
}
