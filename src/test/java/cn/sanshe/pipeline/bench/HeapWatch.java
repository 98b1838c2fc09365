package cn.sanshe.pipeline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use over one phase, three ways:
 * <ul>
 *   <li>the sum of every heap pool's peak ({@link MemoryPoolMXBean#getPeakUsage()} after
 *       {@link MemoryPoolMXBean#resetPeakUsage()}): the figure the target is judged on. An upper bound:
 *       the pools peak at different moments, and the young pools' peaks are mostly garbage waiting
 *       for the next collection, so it grows with what the collector is allowed to let pile up;</li>
 *   <li>the highest total heap in use seen by sampling every 10 ms;</li>
 *   <li>the highest heap in use right after a collection: what the phase really keeps alive.</li>
 * </ul>
 */
final class HeapWatch implements AutoCloseable {

    record Figures(long sumOfPoolPeaks, long sampledPeak, long maxAfterGc, int collections, long maxHeap) {
    }

    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch(boolean sample) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pools.add(pool);
                pool.resetPeakUsage();
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        if (!sample) {
            sampler = null;
            return;
        }
        sampler = new Thread(() -> {
            while (running) {
                sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects what earlier phases left behind, then starts watching from a clean heap. */
    static HeapWatch start() {
        System.gc();
        return new HeapWatch(true);
    }

    /**
     * The same without the sampling thread, for a caller that prints only the pool peaks and the
     * peak after a collection: waking a hundred times a second took about 1 % of the JVM's CPU in a
     * profile of ingest, CPU the measured work is short of on two cores. The sampled peak is then
     * the heap in use at {@link #stop()}.
     */
    static HeapWatch startUnsampled() {
        System.gc();
        return new HeapWatch(false);
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(pool.getKey())) {   // the map has the non-heap pools too (metaspace, code cache)
                used += pool.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
    }

    private boolean isHeapPool(String name) {
        return pools.stream().anyMatch(pool -> pool.getName().equals(name));
    }

    /** Stops watching; the figures since {@link #start()}. */
    Figures stop() {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
        }
        long sum = 0;
        for (MemoryPoolMXBean pool : pools) {
            sum += pool.getPeakUsage().getUsed();
        }
        long current = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        sampledPeak.accumulateAndGet(current, Math::max);
        return new Figures(sum, sampledPeak.get(), maxAfterGc.get(), (int) collections.get(),
                Runtime.getRuntime().maxMemory());
    }

    @Override
    public void close() {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
