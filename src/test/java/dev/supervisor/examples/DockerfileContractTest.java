package dev.supervisor.examples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static dev.supervisor.examples.ExampleCommand.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every example image promises: supervisor as PID 1 in exec form, a default mode, TERM as stop signal, not root. */
class DockerfileContractTest {

    private static String last(Dockerfiles d, String keyword) {
        List<Dockerfiles.Instruction> found = d.finalStage().stream().filter(i -> i.keyword().equals(keyword)).toList();
        assertFalse(found.isEmpty(), d.file() + ": the final stage has no " + keyword);
        return found.get(found.size() - 1).arguments();
    }

    @Test
    void everyExampleImageRunsTheSupervisorAsItsExecFormEntrypoint() throws Exception {
        for (String name : Dockerfiles.EXAMPLES) {
            assertEquals("[\"supervisor\", \"run\"]", last(Dockerfiles.parse(ROOT.resolve(name)), "ENTRYPOINT"), name);
        }
    }

    @Test
    void everyExampleImageDefaultsToTheWebMode() throws Exception {
        for (String name : Dockerfiles.EXAMPLES) {
            assertEquals("[\"web\"]", last(Dockerfiles.parse(ROOT.resolve(name)), "CMD"), name);
        }
    }

    @Test
    void everyExampleImageStopsWithTerm() throws Exception {
        for (String name : Dockerfiles.EXAMPLES) {
            assertEquals("SIGTERM", last(Dockerfiles.parse(ROOT.resolve(name)), "STOPSIGNAL"), name);
        }
    }

    @Test
    void everyExampleImageRunsAsANonRootUser() throws Exception {
        for (String name : Dockerfiles.EXAMPLES) {
            String user = last(Dockerfiles.parse(ROOT.resolve(name)), "USER");
            assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), name + ": USER " + user);
        }
    }

    @Test
    void nativeImageIsBuiltWithTheNativeProfileAndInstalledOnThePath() throws Exception {
        Dockerfiles d = Dockerfiles.parse(ROOT.resolve("Dockerfile.example"));
        assertTrue(d.all("RUN").stream().anyMatch(r -> r.arguments().contains("mvn -B -Pnative -DskipTests package")));
        assertTrue(d.finalStage().stream().anyMatch(i -> i.keyword().equals("COPY")
                && i.arguments().endsWith("/usr/local/bin/supervisor")));
        assertTrue(d.all("FROM").get(1).arguments().startsWith("ghcr.io/graalvm/native-image-community:25"));
    }

    @Test
    void jvmImageTrainsAndUsesTheSameAotCache() throws Exception {
        String text = Files.readString(ROOT.resolve("Dockerfile.jvm.example"));
        assertTrue(text.contains("-XX:AOTCacheOutput=/opt/supervisor/supervisor.aot"), "trained at build time");
        assertTrue(text.contains("-XX:AOTCache=/opt/supervisor/supervisor.aot"), "used at run time");
    }

    @Test
    void everyCopiedPathExistsInTheRepository() throws Exception {
        for (String name : List.of("Dockerfile.example", "Dockerfile.jvm.example")) {
            for (Dockerfiles.Instruction copy : Dockerfiles.parse(ROOT.resolve(name)).all("COPY")) {
                if (copy.arguments().startsWith("--from")) continue;
                String[] parts = copy.arguments().split("\\s+");
                for (int i = 0; i < parts.length - 1; i++) {
                    assertTrue(Files.exists(ROOT.resolve(parts[i])), name + " line " + copy.line() + ": " + parts[i]);
                }
            }
        }
    }
}
