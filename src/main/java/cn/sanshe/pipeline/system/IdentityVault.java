package cn.sanshe.pipeline.system;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps identity numbers (and raw rows that may hold them) unreadable at rest. A keyed HMAC gives
 * every number a stable join key, so matching never needs the number itself; AES-GCM keeps the
 * number for those with the right to see it; the mask is what everyone else sees.
 */
public final class IdentityVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec hashKey;
    private final SecretKeySpec cipherKey;
    // Random nonces from a generator of the thread's own: the platform's default (NativePRNG) takes a
    // lock shared by every thread and a read of /dev/urandom for each 12-byte nonce.
    private static final ThreadLocal<Nonces> NONCES = ThreadLocal.withInitial(Nonces::new);
    // Looking a Mac or Cipher up costs far more than using it; ingest protects one number per row.
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** @param masterKey 32 random bytes; two independent keys are derived from it */
    public IdentityVault(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the identity key must be at least 32 bytes");
        }
        this.hashKey = new SecretKeySpec(derive(masterKey, "sanshe-id-hash"), "HmacSHA256");
        this.cipherKey = new SecretKeySpec(derive(masterKey, "sanshe-id-cipher"), "AES");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An identity number as stored: join key, ciphertext, mask. */
    public record ProtectedId(String hash, String cipher, String masked) {
    }

    public ProtectedId protect(String identityNumber) {
        return new ProtectedId(hash(identityNumber), encrypt(identityNumber), IdentityNumber.mask(identityNumber));
    }

    public String hash(String identityNumber) {
        // doFinal resets the Mac for the next number.
        return HexFormat.of().formatHex(macs.get().doFinal(identityNumber.getBytes(StandardCharsets.US_ASCII)));
    }

    public String encrypt(String text) {
        try {
            byte[] iv = NONCES.get().next();
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String encoded) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, cipherKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: wrong identity key?", e);
        }
    }

    /**
     * 96-bit random nonces (NIST SP 800-38D, 8.2.2), drawn from a DRBG of the thread's own, seeded by
     * the system, 64 at a time: each call of the DRBG costs several SHA-256 blocks whatever it
     * returns (0.41 µs for one nonce, 0.04 µs a nonce for 64), and one call a nonce cost ingest more
     * than the encryption itself. Nonces are public (they travel with the ciphertext), so holding
     * the next few keeps no secret in memory.
     */
    private static final class Nonces {

        private static final int AT_ONCE = 64;
        private final SecureRandom random;
        private final byte[] drawn = new byte[IV_BYTES * AT_ONCE];
        private int used = drawn.length;

        Nonces() {
            try {
                random = SecureRandom.getInstance("DRBG");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] next() {
            if (used == drawn.length) {
                random.nextBytes(drawn);
                used = 0;
            }
            byte[] nonce = Arrays.copyOfRange(drawn, used, used + IV_BYTES);
            used += IV_BYTES;
            return nonce;
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
