package dev.supervisor.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program in an example's directory and collects its exit code and output (stdout and stderr together). */
final class ExampleCommand {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final Path EXAMPLES = ROOT.resolve("examples");

    record Result(int exitCode, String output) {}

    private ExampleCommand() {}

    /** The supervisor from this build's class path, as `java -cp ... dev.supervisor.Main`. */
    static List<String> supervisor() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.supervisor.Main");
    }

    static Result supervisor(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(supervisor());
        command.addAll(List.of(args));
        return run(dir, env, command, 60);
    }

    static Result run(Path dir, Map<String, String> env, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("example-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            // The examples must not depend on whatever the developer or CI has exported.
            pb.environment().keySet().removeIf(k -> k.startsWith("SUPERVISOR_") || k.startsWith("YAML_VAULT_")
                    || k.startsWith("AWS_"));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(output));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
