package cn.sanshe.pipeline.reconcile.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How alike two normalised names are, from 0 to 1: the better of an edit distance over characters
 * (a character added, dropped, replaced or two swapped) and the same distance over pinyin
 * syllables (a homophone replaced), each as {@code 1 − distance ÷ longer length}.
 *
 * <p>The distance is the optimal string alignment one: Levenshtein's edits plus the swap of two
 * neighbours as a single edit, the slip a clerk's keyboard makes most (书香 → 香书). Commons
 * Text's Levenshtein would count a swap twice and push true pairs to a steward.
 */
public final class NameSimilarity {

    private NameSimilarity() {
    }

    public static double of(String a, List<String> pinyinA, String b, List<String> pinyinB) {
        if (a.equals(b)) {
            return 1.0;
        }
        double characters = 1.0 - (double) distance(a, b) / Math.max(a.length(), b.length());
        Map<String, Integer> codes = new HashMap<>();
        String soundsA = encode(pinyinA, codes);
        String soundsB = encode(pinyinB, codes);
        double sounds = 1.0 - (double) distance(soundsA, soundsB) / Math.max(soundsA.length(), soundsB.length());
        return Math.max(characters, sounds);
    }

    /** Optimal string alignment distance (restricted Damerau–Levenshtein), over UTF-16 units. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Each syllable as one private-use character, so syllables are compared whole. */
    private static String encode(List<String> syllables, Map<String, Integer> codes) {
        StringBuilder out = new StringBuilder(syllables.size());
        for (String syllable : syllables) {
            out.append((char) (0xE000 + codes.computeIfAbsent(syllable, s -> codes.size())));
        }
        return out.toString();
    }
}
