package dev.supervisor.testing;

import dev.supervisor.process.LibC;
import dev.supervisor.process.Signals;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor as a real process, started the way a container runtime starts it: {@code java -cp
 * <test classpath> dev.supervisor.Main ...} (no jar needed), stdout and stderr in files, real signals
 * sent with kill(2). Optionally wrapped (e.g. in a shell that ignores HUP first) and optionally PID 1
 * of a new PID namespace through {@code unshare --pid --fork --mount-proc}.
 *
 * <p>The JDK is the test JVM's unless the system property {@code supervisor.test.java} names another
 * java home (e.g. /usr/lib/jvm/temurin-25-jdk-amd64).
 */
public final class SupervisorProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final boolean pidNamespace;

    private SupervisorProcess(Process process, Path stdout, Path stderr, boolean pidNamespace) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.pidNamespace = pidNamespace;
    }

    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** The java binary that runs the supervisor. */
    public static String javaBinary() {
        return Path.of(System.getProperty("supervisor.test.java", System.getProperty("java.home")), "bin", "java").toString();
    }

    /** {@code java ... dev.supervisor.Main} as a command-line prefix. */
    public static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(),
                // JDK 24+ warns on stderr when JNA loads its library; the shipped jar says so in its manifest.
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.supervisor.Main"));
        return cmd;
    }

    public static final class Builder {
        private final Path dir;
        private final List<String> wrapper = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private final List<String> unset = new ArrayList<>();
        private boolean pidNamespace;
        private boolean clearEnvironment;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** Runs the java command line through this prefix, e.g. {@code bash -c 'trap "" HUP; exec "$@"' sh}. */
        public Builder wrappedIn(String... prefix) {
            wrapper.addAll(List.of(prefix));
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder unsetEnv(String... names) {
            unset.addAll(List.of(names));
            return this;
        }

        /** Starts from an empty environment (plus PATH), then applies {@link #env}. */
        public Builder cleanEnvironment() {
            clearEnvironment = true;
            return this;
        }

        /** The supervisor becomes PID 1 of a new PID namespace (needs root). */
        public Builder asPidOneOfNewNamespace() {
            pidNamespace = true;
            return this;
        }

        public SupervisorProcess run(String... args) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (pidNamespace) {
                assumePidNamespacesWork();
                cmd.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child"));
            }
            cmd.addAll(wrapper);
            cmd.addAll(javaCommand());
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (clearEnvironment) {
                String path = pb.environment().get("PATH");
                pb.environment().clear();
                pb.environment().put("PATH", path);
            }
            unset.forEach(pb.environment()::remove);
            pb.environment().putAll(env);
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            return new SupervisorProcess(pb.start(), out, err, pidNamespace);
        }
    }

    /** Skips the test (with the reason) where PID namespaces cannot be created: not root, or no unshare. */
    public static void assumePidNamespacesWork() {
        boolean works;
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
                    .redirectErrorStream(true).start();
            works = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            works = false;
        }
        Assumptions.assumeTrue(works, "unshare --pid --fork --mount-proc does not work here (needs root or user namespaces)");
    }

    /** The pid of the supervisor in the host's PID namespace (also inside a new namespace, where it is PID 1 there). */
    public int pid() {
        if (!pidNamespace) return (int) process.pid();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String children = Files.readString(Path.of("/proc", Long.toString(process.pid()), "task",
                        Long.toString(process.pid()), "children")).trim();
                if (!children.isEmpty()) return Integer.parseInt(children.split(" ")[0]);
            } catch (IOException gone) {
                break;
            }
            sleep(5);
        }
        throw new AssertionError("unshare started no supervisor; stderr: " + stderr());
    }

    public void signal(String name) {
        signal(Signals.parse(name, false));
    }

    public void signal(int signal) {
        LibC.INSTANCE.kill(pid(), signal);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit and returns the exit code; fails with both outputs if it takes longer. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("supervisor still running after " + timeout + "\nstdout: " + stdout()
                    + "\nstderr: " + stderr());
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The file stdout goes to (to compare with what the child's fd 1 points at). */
    public Path stdoutFile() {
        return stdout;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills whatever is left (the supervisor's group; the namespace dies with its PID 1). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
