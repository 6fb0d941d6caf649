package dev.supervisor.secrets;

import dev.supervisor.ExitCode;
import dev.supervisor.vault.VaultException;
import dev.supervisor.vault.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a local secrets file whole, with the size cap and one-line errors that name it. */
public final class SourceFile {
    private SourceFile() {}

    /** @param name how the user wrote the file's name, used in messages */
    public static byte[] read(Path path, String name) {
        try {
            if (Files.size(path) > YamlReader.MAX_BYTES) {
                throw new VaultException(ExitCode.CONFIG, "InvalidYaml", "the file is larger than "
                        + (YamlReader.MAX_BYTES >> 20) + " MiB", name, null, -1, null);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new VaultException(ExitCode.CONFIG, "FileNotFound", "no such file (looked at "
                    + path.toAbsolutePath() + ")", name, null, -1, null);
        } catch (IOException e) {
            throw new VaultException(ExitCode.CONFIG, "FileNotReadable", "cannot read: " + e.getMessage(),
                    name, null, -1, null);
        }
    }
}
