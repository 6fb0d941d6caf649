package dev.supervisor.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.supervisor.examples.ExampleCommand.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shell in the example Dockerfiles' RUN lines (warnings and errors; not style notes) and the demo's scripts pass shellcheck. */
class DockerfileShellcheckTest {

    private static void assumeShellcheck() throws Exception {
        boolean present;
        try {
            present = ExampleCommand.run(ROOT, Map.of(), List.of("shellcheck", "--version"), 20).exitCode() == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "shellcheck is not installed (apt-get install shellcheck)");
    }

    @Test
    void runLinesOfTheExampleDockerfilesPassShellcheck() throws Exception {
        assumeShellcheck();
        for (String name : Dockerfiles.EXAMPLES) {
            StringBuilder script = new StringBuilder("#!/bin/sh\n");
            for (Dockerfiles.Instruction run : Dockerfiles.parse(ROOT.resolve(name)).all("RUN")) {
                // BuildKit flags (--mount=...) belong to the RUN instruction, not to the shell.
                String command = run.arguments().replaceAll("^(--\\S+\\s+)+", "");
                script.append("# ").append(name).append(" line ").append(run.line()).append('\n').append(command).append('\n');
            }
            Path file = Files.createTempFile("dockerfile-run-", ".sh");
            try {
                Files.writeString(file, script);
                ExampleCommand.Result r = ExampleCommand.run(ROOT, Map.of(), List.of("shellcheck", "-s", "sh", "-S", "warning", file.toString()), 30);
                assertEquals(0, r.exitCode(), name + ":\n" + script + "\n" + r.output());
            } finally {
                Files.delete(file);
            }
        }
    }

    @Test
    void demoScriptsPassShellcheck() throws Exception {
        assumeShellcheck();
        Path demo = ExampleCommand.EXAMPLES.resolve("demo");
        List<String> command = new java.util.ArrayList<>(List.of("shellcheck", "-x", "run.sh"));
        try (var bin = Files.list(demo.resolve("bin"))) {
            bin.sorted().forEach(p -> command.add("bin/" + p.getFileName()));
        }
        ExampleCommand.Result r = ExampleCommand.run(demo, Map.of(), command, 30);
        assertEquals(0, r.exitCode(), r.output());
    }
}
