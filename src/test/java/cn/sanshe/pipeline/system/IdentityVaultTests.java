package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What is stored of an identity number: readable back with the key, and never the same bytes twice. */
class IdentityVaultTests {

    private static final String NUMBER = "110101199003071234";
    private final IdentityVault vault = new IdentityVault("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void theCipherDecryptsToTheNumberAndTheHashIsStable() {
        IdentityVault.ProtectedId stored = vault.protect(NUMBER);

        assertThat(vault.decrypt(stored.cipher())).isEqualTo(NUMBER);
        assertThat(stored.hash()).isEqualTo(vault.hash(NUMBER)).hasSize(64).doesNotContain("1990");
        assertThat(stored.cipher()).doesNotContain(NUMBER);
    }

    /**
     * AES-GCM leaks the text (and the key's integrity) when a nonce repeats under one key, so every
     * encryption draws its own: on the threads ingest encrypts on, at once, no nonce comes twice.
     */
    @Test
    void noNonceComesTwiceAcrossThreads() throws Exception {
        int threads = 4;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    List<String> nonces = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        byte[] sealed = Base64.getDecoder().decode(vault.encrypt(NUMBER));
                        nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sealed, 12)));
                    }
                    return nonces;
                }));
            }
            Set<String> seen = new HashSet<>();
            for (Future<List<String>> f : done) {
                seen.addAll(f.get());
            }

            assertThat(seen).hasSize(threads * each);
        } finally {
            pool.shutdown();
        }
    }
}
