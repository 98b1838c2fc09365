package cn.sanshe.pipeline.system;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
    // One generator per thread: the platform's default (NativePRNG) takes a lock shared by every
    // thread and a read of /dev/urandom for each 12-byte nonce, about 1.5 µs a call with two threads;
    // a DRBG of the thread's own, seeded from the system, draws the nonce in about a third of that.
    private static final ThreadLocal<SecureRandom> NONCES = ThreadLocal.withInitial(IdentityVault::drbg);
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
            byte[] iv = new byte[IV_BYTES];
            NONCES.get().nextBytes(iv);
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

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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
