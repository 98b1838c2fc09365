package cn.sanshe.pipeline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that protects identity numbers comes from the environment
 * ({@code PIPELINE_IDENTITY_KEY}, 32+ bytes in Base64), never from a file in the repository. On
 * embedded defaults without one, a key is made once and kept beside the embedded database, so
 * the demo runs with nothing to set; against a configured production database it must be given.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityKeyConfiguration.class);

    @Bean
    IdentityVault identityVault(@Value("${pipeline.identity-key:}") String key,
            @Value("${spring.datasource.url:}") String productionUrl, EmbeddedDatabaseProperties embedded) {
        if (!key.isBlank()) {
            return new IdentityVault(Base64.getDecoder().decode(key.trim()));
        }
        if (!productionUrl.isBlank()) {
            throw new IllegalStateException("未设置身份证号保护密钥：请在环境变量 PIPELINE_IDENTITY_KEY 中给出"
                    + "（32字节随机数的Base64，如 openssl rand -base64 32）");
        }
        return new IdentityVault(localKey(embedded.dataDir().toAbsolutePath().normalize().resolveSibling("identity.key")));
    }

    private static byte[] localKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                // Written whole under another name, then linked into place: two processes starting
                // together on a new machine agree on one key (the second link fails, it reads the first's).
                Path written = Files.createTempFile(file.getParent(), "identity", ".key");
                try {
                    try {
                        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the folder's own permissions have to do.
                    }
                    Files.writeString(written, Base64.getEncoder().encodeToString(fresh));
                    Files.createLink(file, written);
                    log.warn("Made a new identity key in {} for the embedded database; production sets "
                            + "PIPELINE_IDENTITY_KEY", file);
                } catch (java.nio.file.FileAlreadyExistsException another) {
                    // made by another process meanwhile: that one is the key
                } finally {
                    Files.deleteIfExists(written);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
