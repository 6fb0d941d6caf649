package dev.supervisor.nativeimage;

import dev.supervisor.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every class compiled from src/main, loaded without initializing it (LibC's static init would load libc). */
final class CompiledClasses {
    private CompiledClasses() {}

    static Path directory() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Class<?>> all() {
        Path root = directory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .<Class<?>>map(CompiledClasses::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CompiledClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name, e);
        }
    }
}
