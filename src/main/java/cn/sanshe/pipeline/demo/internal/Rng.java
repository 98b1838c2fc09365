package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A random stream keyed by the seed and a path of names ("workers", a community code, a month).
 * Keying instead of sharing one stream keeps every file stable when other files change, and
 * java.util.Random is specified bit for bit, so the same key gives the same stream on any JVM.
 */
final class Rng {

    private final Random random;

    private Rng(long seed) {
        this.random = new Random(seed);
    }

    static Rng of(long seed, Object... keys) {
        long h = mix(seed);
        for (Object key : keys) {
            h = mix(h ^ fnv(String.valueOf(key)));
        }
        return new Rng(h);
    }

    private static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    long nextLong() {
        return random.nextLong();
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    /** An index chosen with the given relative weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    LocalDate dateBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays((long) (random.nextDouble() * (days + 1)));
    }

    YearMonth monthBetween(YearMonth from, YearMonth to) {
        return from.plusMonths(random.nextInt((int) from.until(to, ChronoUnit.MONTHS) + 1));
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A mobile number as the spec allows it: 1, then 3–9, then nine digits. */
    String mobile() {
        return "1" + between(3, 9) + digits(9);
    }
}
