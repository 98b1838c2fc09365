package cn.sanshe.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reconcile.ReconcileProperties;
import org.junit.jupiter.api.Test;

/** Unset or 0: one district per processor, so both cores of the target machine are busy; a number wins. */
class ParallelismTests {

    private final int processors = Runtime.getRuntime().availableProcessors();

    @Test
    void unsetOrZeroIsOnePerProcessor() {
        assertThat(Parallelism.of(null)).isEqualTo(processors);
        assertThat(Parallelism.of(0)).isEqualTo(processors);
        assertThat(Parallelism.of(-1)).isEqualTo(processors);
    }

    @Test
    void aConfiguredNumberWins() {
        assertThat(Parallelism.of(1)).isEqualTo(1);
        assertThat(Parallelism.of(5)).isEqualTo(5);
    }

    @Test
    void reconcileLinksOneDistrictPerProcessorUnlessSet() {
        assertThat(new ReconcileProperties(null, null, null, null).parallelDistricts()).isEqualTo(processors);
        assertThat(new ReconcileProperties(null, null, 1, null).parallelDistricts()).isEqualTo(1);
    }
}
