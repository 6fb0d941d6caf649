package dev.supervisor.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Installs {@code --file} secrets: downloads every object first (into memory), decrypts them when asked
 * ({@code --file-kms}), and only then writes all files through {@link SecretFileWriter}. A missing object or
 * a failed decryption therefore leaves nothing on disk. Plaintext buffers are zeroed once written.
 */
public final class SecretFileInstaller {

    /** Reads one object whole, e.g. {@code S3ObjectReader::read}. */
    @FunctionalInterface
    public interface ObjectSource {
        byte[] read(S3Location location);
    }

    /** Turns object bytes into file bytes, e.g. {@code KmsFileCipher::decrypt}. */
    @FunctionalInterface
    public interface ObjectDecryption {
        byte[] decrypt(byte[] object, S3Location from);
    }

    private final ObjectSource source;
    private final ObjectDecryption decryption;
    private final SecretFileWriter writer;

    /** @param decryption null when the objects are stored in plaintext */
    public SecretFileInstaller(ObjectSource source, ObjectDecryption decryption, SecretFileWriter writer) {
        this.source = source;
        this.decryption = decryption;
        this.writer = writer;
    }

    public void install(List<SecretFile> files) {
        write(fetch(files));
    }

    /**
     * Downloads (and decrypts) every file into memory, writing nothing. Split from {@link #write} so a
     * stop signal may abandon a slow download but never a half-done write.
     */
    public List<SecretFileWriter.Entry> fetch(List<SecretFile> files) {
        List<SecretFileWriter.Entry> entries = new ArrayList<>(files.size());
        try {
            for (SecretFile file : files) {
                byte[] content = source.read(file.source());
                if (decryption != null) {
                    byte[] object = content;
                    content = decryption.decrypt(object, file.source());
                    Arrays.fill(object, (byte) 0);
                }
                entries.add(new SecretFileWriter.Entry(file.target(), file.mode(), content));
            }
            return entries;
        } catch (RuntimeException e) {
            clear(entries);
            throw e;
        }
    }

    /** Writes all fetched files, all or nothing, then zeroes their plaintext. */
    public void write(List<SecretFileWriter.Entry> entries) {
        try {
            writer.writeAll(entries);
        } finally {
            clear(entries);
        }
    }

    private static void clear(List<SecretFileWriter.Entry> entries) {
        for (SecretFileWriter.Entry e : entries) Arrays.fill(e.content(), (byte) 0);
    }
}
