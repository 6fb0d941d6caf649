package dev.supervisor.nativeimage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Whether a native-image resource glob ({@code *} within a path segment, {@code **} across) names anything on the class path. */
final class ClassPathResources {
    private ClassPathResources() {}

    static boolean anyMatches(String glob) {
        Pattern pattern = Pattern.compile(toRegex(glob));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) ? directoryMatches(path, pattern) : jarMatches(path, pattern)) return true;
        }
        return false;
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static boolean jarMatches(Path jar, Pattern pattern) {
        if (!Files.isRegularFile(jar)) return false;
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> pattern.matcher(e.getName()).matches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean directoryMatches(Path root, Pattern pattern) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> pattern.matcher(root.relativize(p).toString().replace(File.separatorChar, '/')).matches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
