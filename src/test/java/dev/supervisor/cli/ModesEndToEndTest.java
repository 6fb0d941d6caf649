package dev.supervisor.cli;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One image, many roles: the mode comes from the arguments, the flag or the environment. */
class ModesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path config(String extra) throws Exception {
        Path file = dir.resolve("supervisor.yml");
        Files.writeString(file, ("""
                secrets:
                  source: secrets.yml
                  env_root: $.production
                modes:
                  web:
                    command: [sh, -c, 'printf "web %s" "$DATABASE_URL" > out.txt']
                  task:
                    command: [sh, -c, 'printf "task %s" "$*" > out.txt', task]
                  worker:
                    command: sh -c 'printf "worker $ROLE" > out.txt'
                    env:
                      ROLE: ${ROLE:-default-role}
                """ + extra).replace("out.txt", dir.resolve("out.txt").toString())
                .replace("hook.txt", dir.resolve("hook.txt").toString())
                .replace("main-started", dir.resolve("main-started").toString()));
        SecretsFixture.encrypted(dir);
        return file;
    }

    private SupervisorProcess.Builder supervisor() {
        return SecretsFixture.supervisorWithPassphrases(dir);
    }

    private String run(SupervisorProcess.Builder builder, String... args) throws Exception {
        try (SupervisorProcess p = builder.run(args)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        return Files.readString(dir.resolve("out.txt"));
    }

    @Test
    void firstArgumentNamesTheMode() throws Exception {
        Path config = config("");
        assertEquals("web postgres://app:Pr0d-Secret@db/app",
                run(supervisor(), "run", "--config", config.toString(), "web"));
    }

    @Test
    void extraArgumentsAreAppendedToTheModesCommand() throws Exception {
        Path config = config("");
        assertEquals("task db:migrate VERSION=1", run(supervisor(), "run", "--config", config.toString(), "task",
                "db:migrate", "VERSION=1"));
    }

    @Test
    void modeFlagAndEnvironmentVariableSelectTheMode() throws Exception {
        Path config = config("");
        assertEquals("worker default-role", run(supervisor(), "run", "--config", config.toString(), "--mode", "worker"));
        assertEquals("worker from-env", run(supervisor().env("SUPERVISOR_MODE", "worker").env("ROLE", "from-env"),
                "run", "--config", config.toString()));
    }

    @Test
    void configFileIsFoundThroughSupervisorConfig() throws Exception {
        Path config = config("");
        assertEquals("web postgres://app:Pr0d-Secret@db/app",
                run(supervisor().env("SUPERVISOR_CONFIG", config.toString()), "run", "web"));
    }

    @Test
    void unknownModeIsAUsageErrorListingTheModes() throws Exception {
        Path config = config("");
        try (SupervisorProcess p = supervisor().run("run", "--config", config.toString(), "--mode", "wbe")) {
            assertEquals(64, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("web") && p.stderr().contains("worker"), p.stderr());
        }
    }

    @Test
    void adHocCommandAfterDashDashGetsTheFilesSecrets() throws Exception {
        Path config = config("");
        assertEquals("adhoc postgres://app:Pr0d-Secret@db/app", run(supervisor(), "run", "--config", config.toString(),
                "--", "sh", "-c", "printf \"adhoc %s\" \"$DATABASE_URL\" > " + dir.resolve("out.txt")));
    }

    @Test
    void failingPrehookStopsTheStartWithItsExitCode() throws Exception {
        Path config = config("""
                  migrate:
                    command: [touch, main-started]
                    prehooks:
                      - [sh, -c, 'printf "%s" "$DATABASE_URL" > hook.txt']
                      - [sh, -c, 'exit 7']
                """);
        try (SupervisorProcess p = supervisor().run("run", "--config", config.toString(), "migrate")) {
            assertEquals(7, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("prehook"), p.stderr());
        }
        assertEquals("postgres://app:Pr0d-Secret@db/app", Files.readString(dir.resolve("hook.txt")),
                "prehooks get the secrets environment");
        assertFalse(Files.exists(dir.resolve("main-started")));
    }

    @Test
    void successfulPrehooksRunBeforeTheCommand() throws Exception {
        Path config = config("""
                  migrate:
                    command: [sh, -c, 'cat hook.txt > out.txt; echo main >> out.txt']
                    prehooks:
                      - [sh, -c, 'echo hook > hook.txt']
                """);
        assertEquals("hook\nmain\n", run(supervisor(), "run", "--config", config.toString(), "migrate"));
    }
}
