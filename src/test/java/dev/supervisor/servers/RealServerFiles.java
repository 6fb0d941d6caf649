package dev.supervisor.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The apps and configs under src/test/resources/realservers, copied into a test's own directory. */
final class RealServerFiles {
    private RealServerFiles() {}

    /** Copies {@code realservers/<name>} to {@code dir/<file name>} and returns the copy. */
    static Path copy(String name, Path dir) {
        return fill(name, dir, Map.of());
    }

    /** Like {@link #copy}, replacing each {@code @KEY@} with its value (nginx has no environment variables in its config). */
    static Path fill(String name, Path dir, Map<String, String> values) {
        try {
            String text = Files.readString(resource(name), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) text = text.replace("@" + v.getKey() + "@", v.getValue());
            Path target = dir.resolve(Path.of(name).getFileName().toString());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = RealServerFiles.class.getResource("/realservers/" + name);
        if (url == null) throw new IllegalStateException("no test resource realservers/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
