package dev.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.SupervisorException;
import dev.supervisor.cli.ModesCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModesCommandTest {
    @TempDir
    Path dir;

    private static final String YAML = """
            default_mode: web
            modes:
              web:
                command: bundle exec unicorn -c config/unicorn.rb
                preset: unicorn
                stop_delay: 5s
                stop_timeout: 20s
                env: {DATABASE_URL: "${DATABASE_URL:-postgres://secret@db}"}
                prehooks: [bin/rails db:migrate]
              worker:
                command: [bundle, exec, sidekiq, -t, "25"]
                preset: sidekiq
                quiet_first: true
            """;

    private String run(Map<String, String> env, String... args) throws IOException {
        Files.writeString(dir.resolve("supervisor.yml"), YAML);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ModesCommand(env, dir));
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void tableShowsCommandPresetSignalsTimingsAndPrehooks() throws IOException {
        String out = run(Map.of());
        String[] lines = out.split("\n");
        assertTrue(lines[0].matches("MODE +PRESET +COMMAND +SIGNALS +STOP +PREHOOKS"), lines[0]);
        assertTrue(lines[1].matches("web \\(default\\) +unicorn +bundle exec unicorn -c config/unicorn.rb +TERM→QUIT INT→INT"
                + " +delay 5s, timeout 20s +bin/rails db:migrate"), lines[1]);
        assertTrue(lines[2].matches("worker +sidekiq +bundle exec sidekiq -t 25 +quiet TSTP, TERM→TERM INT→INT +delay 0s, timeout 28s +-"),
                lines[2]);
        assertEquals(3, lines.length, out);
    }

    @Test
    void envValuesAreNotShown() throws IOException {
        assertFalse(run(Map.of()).contains("secret@db"));
        assertFalse(run(Map.of(), "--format", "json").contains("secret@db"));
    }

    @Test
    void environmentOverridesShowInTheListing() throws IOException {
        String out = run(Map.of("SUPERVISOR_STOP_TIMEOUT", "27s", "SUPERVISOR_MODE", "worker"));
        assertTrue(out.contains("worker (default)"), out);
        assertTrue(out.contains("warning: mode 'web': stop_delay 5s + stop_timeout 27s = 32s"), out);
    }

    @Test
    void jsonListsResolvedModes() throws IOException {
        JsonNode root = new ObjectMapper().readTree(run(Map.of(), "--format", "json"));
        assertEquals("web", root.get("default_mode").asText());
        JsonNode web = root.get("modes").get(0);
        assertEquals("unicorn", web.get("preset").asText());
        assertEquals("QUIT", web.get("signals").get("TERM").asText());
        assertEquals("20s", web.get("stop_timeout").asText());
        assertEquals("DATABASE_URL", web.get("env_keys").get(0).asText());
        assertEquals("bin/rails", web.get("prehooks").get(0).get(0).asText());
        JsonNode worker = root.get("modes").get(1);
        assertEquals("TSTP", worker.get("quiet_signal").asText());
        assertEquals("-t", worker.get("argv").get(3).asText());
    }

    @Test
    void configErrorsReachTheCaller() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), "modes:\n  web:\n    comand: x\n");
        ModesCommand command = new ModesCommand(Map.of(), dir);
        new CommandLine(command).parseArgs("--config", "bad.yml");
        SupervisorException e = assertThrows(SupervisorException.class, command::call);
        assertEquals("bad.yml:3:5: unknown key 'comand' in mode 'web' (did you mean 'command'?)", e.getMessage());
    }

    @Test
    void noConfigFileSaysHowToRunACommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ModesCommand(Map.of(), dir));
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute());
        assertEquals("No supervisor.yml found; run a command with: supervisor run -- CMD [ARGS...]\n", out.toString());
    }
}
