package dev.supervisor.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds and reads {@code supervisor.yml}: {@code --config FILE}, else {@code $SUPERVISOR_CONFIG}, else
 * {@code ./supervisor.yml} in the working directory. A file named explicitly (flag or variable) must exist;
 * the default one may be absent (then there are no modes and no secrets section).
 *
 * <p>The YAML is read as SnakeYAML's node tree (the parser jackson-dataformat-yaml brings): it keeps the
 * line and column of every key and value for error messages, resolves anchors/aliases, and needs no
 * reflection (native-image friendly). The result does not yet include {@code SUPERVISOR_*} variables:
 * call {@link SupervisorConfig#applyEnvironment}, or use {@link #loadWithEnvironment}.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "supervisor.yml";
    public static final String CONFIG_VARIABLE = "SUPERVISOR_CONFIG";
    /** A supervisor.yml is a few kilobytes; this bounds what a wrong path (a log, a binary) can cost. */
    static final int MAX_BYTES = 1 << 20;

    private ConfigLoader() {}

    /** The file as found; {@code explicitPath} (from {@code --config}) may be null. */
    public static SupervisorConfig load(Path explicitPath, Map<String, String> env, Path workingDir) {
        Path file;
        boolean required;
        if (explicitPath != null) {
            file = workingDir.resolve(explicitPath);
            required = true;
        } else if (env.get(CONFIG_VARIABLE) != null && !env.get(CONFIG_VARIABLE).isEmpty()) {
            file = workingDir.resolve(env.get(CONFIG_VARIABLE));
            required = true;
        } else {
            file = workingDir.resolve(DEFAULT_FILE);
            required = false;
        }
        String shown = explicitPath != null ? explicitPath.toString()
                : required ? env.get(CONFIG_VARIABLE) : DEFAULT_FILE;
        if (!Files.exists(file)) {
            if (!required) return SupervisorConfig.empty();
            throw new ConfigException(shown + ": config file not found"
                    + (explicitPath != null ? " (given with --config)" : " (named by " + CONFIG_VARIABLE + ")"));
        }
        return parse(file, shown, read(file, shown));
    }

    /** {@link #load} then the {@code SUPERVISOR_*} variables over it. */
    public static SupervisorConfig loadWithEnvironment(Path explicitPath, Map<String, String> env, Path workingDir) {
        return load(explicitPath, env, workingDir).applyEnvironment(env);
    }

    /** Parses YAML text; {@code shownName} prefixes error messages. Public for tests and tools. */
    public static SupervisorConfig parse(Path file, String shownName, String yaml) {
        return ConfigFileParser.parse(file, shownName, compose(shownName, new StringReader(yaml)));
    }

    private static String read(Path file, String shown) {
        try {
            if (Files.isDirectory(file)) throw new ConfigException(shown + ": is a directory, not a config file");
            if (Files.size(file) > MAX_BYTES) throw new ConfigException(shown + ": larger than 1 MiB, not a config file");
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(shown + ": config file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(shown + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Node compose(String shown, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50); // billion-laughs guard: aliases are rare in this file
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(MAX_BYTES);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String where = mark == null ? " " : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
            throw new ConfigException(shown + ":" + where + "invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ConfigException(shown + ": invalid YAML: " + e.getMessage(), e);
        }
    }
}
