package cn.sanshe.pipeline.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTests {

    /** Items numbered 1..count, as refusals of "files" 1..count; closed is set when the reading thread lets go. */
    private static final class Numbers implements ReadAhead.Source {
        final int count;
        final AtomicInteger produced = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        Numbers(int count) {
            this.count = count;
        }

        @Override
        public IngestItem next() {
            int n = produced.incrementAndGet();
            return n <= count ? new IngestItem.FileRefused(n, "item " + n) : null;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void handsOutEveryItemCheckedAndInReadingOrder() throws Exception {
        Numbers source = new Numbers(10_000);
        List<Long> seen = new ArrayList<>();
        try (ReadAhead ahead = new ReadAhead(source,
                item -> new IngestItem.FileRefused(item.fileId(), "checked by " + Thread.currentThread().getName()), 3)) {
            IngestItem item;
            while ((item = ahead.next()) != null) {
                seen.add(item.fileId());
                assertThat(((IngestItem.FileRefused) item).reason()).startsWith("checked by ingest-check-");
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(seen).hasSize(10_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1L);
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void readsOnlyABoundedWayAhead() throws Exception {
        Numbers source = new Numbers(Integer.MAX_VALUE - 1);
        try (ReadAhead ahead = new ReadAhead(source, item -> item, 2)) {
            assertThat(ahead.next().fileId()).isEqualTo(1);
            Thread.sleep(300);
            // The waiting batches, one waiting to be queued, one being filled, and the one taken.
            assertThat(source.produced.get()).isLessThanOrEqualTo((ReadAhead.WAITING_BATCHES + 3) * ReadAhead.BATCH);
        }
        assertThat(source.closed).as("closing stops the reading thread, which closes the source").isTrue();
    }

    @Test
    void aFailedCheckFailsTheStep() throws Exception {
        try (ReadAhead ahead = new ReadAhead(new Numbers(1_000), item -> {
            if (item.fileId() == 700) {
                throw new IllegalStateException("row 700 broke the checker");
            }
            return item;
        }, 2)) {
            for (int i = 1; i < 601; i++) {
                assertThat(ahead.next().fileId()).isEqualTo(i);
            }
            assertThatThrownBy(() -> {
                while (ahead.next() != null) {
                    // up to the failure
                }
            }).isInstanceOfSatisfying(ReadAhead.FileFailure.class, failure -> {
                // the file is named, so the step can record it and the next run set it aside
                assertThat(failure.fileId()).isEqualTo(700);
                assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("row 700");
            });
        }
    }
}
