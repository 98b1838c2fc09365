package cn.sanshe.pipeline.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Where a page of a long queue starts, as the address says it: the first page, the page after a
 * row's sort key, the page before one, or the last page. A queue reads its page from its index
 * starting at the key (keyset or "seek" paging), so page 1,500 costs what page 1 costs, and a row
 * corrected or decided meanwhile never makes another row skip a page. The key is only a position:
 * the queue still applies the jurisdiction to every row it reads, so a forged key shows nothing
 * more than a page of one's own rows. {@code number} is the page number shown, carried along by
 * the links (a hint for people, never used to find rows).
 */
public record Keyset(Mode mode, String key, int number) {

    /** Which way the page is read from its key. */
    public enum Mode { FIRST, AFTER, BEFORE, LAST }

    public Keyset {
        number = Math.max(number, 1);
        if (mode != Mode.FIRST && mode != Mode.LAST && (key == null || key.isBlank())) {
            throw new IllegalArgumentException("翻页位置无效，请从第一页开始");
        }
    }

    public static Keyset first() {
        return new Keyset(Mode.FIRST, null, 1);
    }

    /** From the address: {@code after=KEY}, {@code before=KEY} or {@code last=1}, and {@code n}, the page number shown. */
    public static Keyset of(String after, String before, String last, Integer number) {
        int n = number == null ? 1 : number;
        if (after != null && !after.isBlank()) {
            return new Keyset(Mode.AFTER, after.strip(), n);
        }
        if (before != null && !before.isBlank()) {
            return new Keyset(Mode.BEFORE, before.strip(), n);
        }
        if (last != null && !last.isBlank()) {
            return new Keyset(Mode.LAST, null, n);
        }
        return first();
    }

    /** Whether the page is read against the queue's order (the page before a key, the last page). */
    public boolean backwards() {
        return mode == Mode.BEFORE || mode == Mode.LAST;
    }

    /**
     * A page as shown, from up to {@code size + 1} lines read from the key in the direction of
     * {@link #backwards()}: the one line more says whether there is a page beyond.
     */
    public <L> Slice<L> slice(List<L> read, int size, int pages, Function<L, String> keyOf) {
        boolean more = read.size() > size;
        List<L> lines = new ArrayList<>(read.subList(0, Math.min(size, read.size())));
        if (backwards()) {
            Collections.reverse(lines);
        }
        String firstKey = lines.isEmpty() ? null : keyOf.apply(lines.get(0));
        String lastKey = lines.isEmpty() ? null : keyOf.apply(lines.get(lines.size() - 1));
        return switch (mode) {
            case FIRST -> new Slice<>(lines, null, more ? lastKey : null, 1, pages);
            case AFTER -> new Slice<>(lines, firstKey != null ? firstKey : key, more ? lastKey : null,
                    Math.min(number, pages), pages);
            case BEFORE -> new Slice<>(lines, more ? firstKey : null, lastKey, Math.min(number, pages), pages);
            case LAST -> new Slice<>(lines, more ? firstKey : null, null, pages, pages);
        };
    }

    /**
     * The lines of a page in the queue's order, the keys its 上一页 / 下一页 links carry (null: no
     * such page), its number and the number of pages.
     */
    public record Slice<L>(List<L> lines, String previous, String next, int number, int pages) {
    }
}
