package cn.sanshe.pipeline.ingest.load;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A step-scoped reader as the step calls it: its scope's proxy is resolved once, when the step
 * opens it (on the step's thread, inside its scope), and every item after that goes to the
 * partition's own instance directly. Through the proxy each of a national month's five million
 * items paid a scope lookup and a reflective call.
 *
 * <p>The step is one bean whose partitions run at once on several threads, each from open to close
 * on its own: the instance opened is therefore kept per thread.
 */
final class OpenedReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> scoped;
    private final ThreadLocal<ItemStreamReader<T>> opened = new ThreadLocal<>();

    OpenedReader(ItemStreamReader<T> scoped) {
        this.scoped = scoped;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        ItemStreamReader<T> target = scoped instanceof ScopedObject proxy
                ? (ItemStreamReader<T>) proxy.getTargetObject() : scoped;
        opened.set(target);
        target.open(context);
    }

    @Override
    public T read() throws Exception {
        return opened().read();
    }

    @Override
    public void update(ExecutionContext context) {
        opened().update(context);
    }

    @Override
    public void close() {
        ItemStreamReader<T> target = opened.get();
        if (target != null) {
            opened.remove();
            target.close();
        }
    }

    private ItemStreamReader<T> opened() {
        ItemStreamReader<T> target = opened.get();
        if (target == null) {
            throw new IllegalStateException("read before the step opened its reader on this thread");
        }
        return target;
    }
}
