package dev.supervisor.nativeimage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** native/native-image.properties keeps the signal contract of docs/native.md. */
class BuildArgumentsTest {

    private static List<String> args() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(NativeMetadataTest.NATIVE_DIR.resolve("native-image.properties"))) {
            p.load(r);
        }
        return Arrays.asList(p.getProperty("Args", "").trim().split("\\s+"));
    }

    @Test
    void neverInstallsExitHandlersThatWouldTakeHupIntAndTerm() throws IOException {
        assertFalse(args().stream().anyMatch(a -> a.contains("install-exit-handlers") || a.contains("InstallExitHandlers")), args().toString());
    }

    @Test
    void neverTakesSigquitForThreadDumpsNorEnablesMonitoring() throws IOException {
        // threaddump takes SIGQUIT; jfr and nmt switch the exit handlers on (GraalVM GR-52454).
        assertFalse(args().stream().anyMatch(a -> a.startsWith("--enable-monitoring") || a.contains("DumpThreadStacksOnSignal")),
                args().toString());
    }

    @Test
    void failsInsteadOfFallingBackAndLinksGlibcDynamicallyForJna() throws IOException {
        List<String> args = args();
        assertTrue(args.contains("--no-fallback"), args.toString());
        assertTrue(args.contains("--static-nolibc"), args.toString());
        assertFalse(args.contains("--static"), "a fully static image cannot dlopen libjnidispatch: " + args);
        assertTrue(args.contains("-march=compatibility"), args.toString());
    }

    @Test
    void initializesNothingOfOursOrJnaAtBuildTime() throws IOException {
        assertFalse(args().stream().anyMatch(a -> a.startsWith("--initialize-at-build-time")), args().toString());
    }
}
