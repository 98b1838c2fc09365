package cn.sanshe.pipeline.console;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A few seconds' memory of a figure that costs a scan of a large queue (how many review pairs are
 * open and decided per district), so paging through a queue does not count it again on every
 * page. Cleared by every decision that changes it; otherwise at most {@code ttl} old.
 */
public final class ShortCache<V> {

    private record Entry<V>(V value, long expires) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public ShortCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public V get(String key, Supplier<V> compute) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expires() - now > 0) {
            return entry.value();
        }
        V value = compute.get();
        if (entries.size() > 1000) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    public void clear() {
        entries.clear();
    }
}
