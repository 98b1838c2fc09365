package cn.sanshe.pipeline.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The partitions of one step bean, open at once on two threads, each read their own reader. */
class OpenedReaderTests {

    @Test
    void partitionsOpenAtOnceOnTwoThreadsEachReadTheirOwnInstance() throws Exception {
        Scope scope = new Scope();
        OpenedReader<String> reader = new OpenedReader<>(scope);
        CyclicBarrier bothOpen = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> partitions = new ArrayList<>();
            for (String district : List.of("330102", "330106")) {
                partitions.add(threads.submit(() -> {
                    ExecutionContext context = new ExecutionContext();
                    context.putString("district", district);
                    reader.open(context);
                    bothOpen.await();   // the other partition opened its instance in between
                    List<String> read = new ArrayList<>();
                    for (String item; (item = reader.read()) != null;) {
                        read.add(item);
                        bothOpen.await();   // and reads between every two of ours
                    }
                    reader.update(context);
                    reader.close();
                    return read;
                }));
            }
            assertThat(partitions.get(0).get()).containsExactly("330102-1", "330102-2", "330102-3");
            assertThat(partitions.get(1).get()).containsExactly("330106-1", "330106-2", "330106-3");
        } finally {
            threads.shutdownNow();
        }
        assertThat(scope.instances).hasValue(2);
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
    }

    /** Stands for the step scope's proxy: every resolution a new instance, as each partition gets one. */
    private static final class Scope implements ItemStreamReader<String>, ScopedObject {
        final AtomicInteger instances = new AtomicInteger();

        @Override
        public Object getTargetObject() {
            instances.incrementAndGet();
            return new Partition();
        }

        @Override
        public void removeFromScope() {
        }

        @Override
        public String read() {
            throw new AssertionError("read through the proxy");
        }
    }

    private static final class Partition implements ItemStreamReader<String> {
        private String district;
        private int next;

        @Override
        public void open(ExecutionContext context) {
            district = context.getString("district");
        }

        @Override
        public String read() {
            return next < 3 ? district + "-" + ++next : null;
        }
    }
}
