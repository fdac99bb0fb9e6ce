package id.amk.platform.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key that wraps every key a service keeps at rest: the per-subject keys of sealed personal data, identity-service's
 * token signing keys. It comes from the environment ({@code AMK_MASTER_KEY}: 32 random bytes in Base64, e.g.
 * {@code openssl rand -base64 32}, from a secret store; a KMS-held key is the production upgrade), never from a database,
 * so a copy of the databases or their backups holds no key in clear. AES-256-GCM through Google Tink; what is wrapped is
 * bound to its context (the subject or key id) as associated data, so a wrapped key cannot be moved to another record.
 */
public final class MasterKey {

    /** The dev profile's master key, published in the README like the demo passwords: refused outside dev. */
    public static final String DEMO = "YW1rLWRlbW8tbWFzdGVyLWtleS1ub3QtYS1zZWNyZXQ=";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private MasterKey(Aead aead) {
        this.aead = aead;
    }

    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AMK_MASTER_KEY is not Base64 (32 random bytes: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("AMK_MASTER_KEY must be 32 bytes (openssl rand -base64 32), not " + bytes.length);
        }
        try {
            return new MasterKey(aead(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use AMK_MASTER_KEY", e);
        }
    }

    /** AES-256-GCM of raw key bytes, ciphertext {@code iv(12) || ct || tag(16)} (Tink's NO_PREFIX variant). */
    static Aead aead(byte[] rawKey) throws GeneralSecurityException {
        return handle(rawKey).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static KeysetHandle handle(byte[] rawKey) throws GeneralSecurityException {
        AesGcmKey key = AesGcmKey.builder().setParameters(PARAMETERS)
                .setKeyBytes(SecretBytes.copyFrom(rawKey, InsecureSecretKeyAccess.get())).build();
        return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build();
    }

    static final AesGcmParameters PARAMETERS;

    static {
        try {
            PARAMETERS = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public Aead aead() {
        return aead;
    }

    public byte[] wrap(byte[] secret, String context) {
        try {
            return aead.encrypt(secret, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a key", e);
        }
    }

    /** Fails when the master key is another one than the one that wrapped it, or the record was moved or altered. */
    public byte[] unwrap(byte[] wrapped, String context) {
        try {
            return aead.decrypt(wrapped, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored key cannot be unwrapped with this AMK_MASTER_KEY (another key, or the record was altered)", e);
        }
    }
}
