package dev.supervisor.secrets;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a batch of secret files all-or-nothing. Each file is first written to a temporary file in its
 * target directory, created {@code 0600} (so no other user can ever open it), fsynced and given its final
 * mode; only when every temporary file is complete are they renamed into place (atomic within a
 * directory). If a rename fails, files already renamed in this batch are removed again. Directories the
 * batch creates are left in place.
 */
public final class SecretFileWriter {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** One file to write; {@code content} is cleared by {@link SecretFileInstaller} after the batch. */
    public record Entry(Path target, int mode, byte[] content) {
        @Override
        public String toString() {
            return "Entry[" + target + ", " + String.format("%04o", mode) + ", " + content.length + " bytes]";
        }
    }

    public void writeAll(List<Entry> entries) {
        List<Path> staged = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (Entry e : entries) staged.add(stage(e));
            for (int i = 0; i < entries.size(); i++) {
                Path target = entries.get(i).target();
                move(staged.get(i), target);
                placed.add(target);
            }
            for (Path dir : entries.stream().map(e -> e.target().getParent()).distinct().toList()) syncDirectory(dir);
        } catch (SupervisorException e) {
            staged.forEach(SecretFileWriter::deleteQuietly);
            placed.forEach(SecretFileWriter::deleteQuietly);
            throw e;
        }
    }

    private static Path stage(Entry e) {
        Path dir = e.target().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + e.target().getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(e.content());
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            // Before the rename, so the file never appears with a mode other than the one asked for.
            Files.setPosixFilePermissions(temp, permissions(e.mode()));
            return temp;
        } catch (IOException | UnsupportedOperationException ex) {
            if (temp != null) deleteQuietly(temp);
            throw failure("cannot write secret file " + e.target(), ex);
        }
    }

    private static void move(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw failure("cannot move secret file into place at " + target, ex);
        }
    }

    /** fsync the directory so the rename survives a crash; not every filesystem allows it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Best effort: the data itself is already synced.
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (0400 >> bit)) != 0) set.add(order[bit]);
        }
        return set;
    }

    private static SupervisorException failure(String what, Exception ex) {
        String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return new SupervisorException(ExitCode.OS_ERROR, what + " (" + why + ")", ex);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Rolling back after a failure; the first error is the one to report.
        }
    }
}
