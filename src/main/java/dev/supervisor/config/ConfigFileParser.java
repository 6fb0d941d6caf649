package dev.supervisor.config;

import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The document root of {@code supervisor.yml} into a {@link SupervisorConfig}. */
final class ConfigFileParser {
    static final List<String> ROOT_KEYS = List.of("secrets", "default_mode", "modes", "verbose", "platform_stop_timeout");
    static final List<String> SECRETS_KEYS = List.of("source", "cryptor", "keys", "env_root", "plaintext",
            "override_env", "prefix", "suffix", "salt", "cipher", "digest", "use_sign_passphrase", "passphrase_file",
            "files", "files_kms", "aws", "timeout");
    static final List<String> AWS_KEYS = List.of("region", "endpoint", "kms_key_id", "concurrency");

    private ConfigFileParser() {}

    /** {@code root} null means an empty document: a valid file without modes. */
    static SupervisorConfig parse(Path file, String shownName, Node root) {
        if (root == null) return new SupervisorConfig(file, SecretsConfig.NONE, Map.of(), null);
        ConfigMapping m = ConfigMapping.of(shownName, "", "the top level", root);
        m.allowOnly(ROOT_KEYS);

        Map<String, ModeConfig> modes = new LinkedHashMap<>();
        ConfigMapping modesNode = m.mapping("modes", "");
        if (modesNode != null) {
            for (String name : modesNode.keys()) {
                Node node = modesNode.value(name);
                if (node == null) throw modesNode.error(modesNode.keyNode(name), "mode '" + name + "' is empty");
                modes.put(name, ModeConfigParser.parse(shownName, name, node));
            }
        }
        String defaultMode = m.string("default_mode");
        if (defaultMode != null && !modes.containsKey(defaultMode)) {
            throw m.error(m.value("default_mode"), "default_mode '" + defaultMode + "' is not a mode ("
                    + (modes.isEmpty() ? "no modes are defined" : "modes: " + String.join(", ", modes.keySet())) + ")");
        }
        ConfigMapping secrets = m.mapping("secrets", " in secrets");
        return new SupervisorConfig(file, secrets == null ? SecretsConfig.NONE : secrets(secrets, file), modes, defaultMode,
                Boolean.TRUE.equals(m.bool("verbose")), m.duration("platform_stop_timeout"), ModeOverrides.NONE);
    }

    /** Paths in the file are relative to the file's directory, as in docker-compose; s3:// URLs stay as they are. */
    private static SecretsConfig secrets(ConfigMapping s, Path file) {
        s.allowOnly(SECRETS_KEYS);
        String cryptor = s.string("cryptor");
        if (cryptor != null && !SecretsConfig.CRYPTORS.contains(cryptor)) {
            throw s.error(s.value("cryptor"), "'cryptor' in secrets must be one of " + String.join(", ", SecretsConfig.CRYPTORS)
                    + ", got '" + cryptor + "'");
        }
        ConfigMapping aws = s.mapping("aws", " in secrets.aws");
        if (aws != null) aws.allowOnly(AWS_KEYS);
        return new SecretsConfig(besideFile(file, s.string("source")), cryptor, keys(s), s.string("env_root"),
                flag(s.bool("plaintext")), flag(s.bool("override_env")), s.string("prefix"), s.string("suffix"),
                s.string("salt"), s.string("cipher"), s.string("digest"), flag(s.bool("use_sign_passphrase")),
                besideFile(file, s.string("passphrase_file")), s.stringList("files"), flag(s.bool("files_kms")),
                aws == null ? null : aws.string("region"), aws == null ? null : aws.string("endpoint"),
                aws == null ? null : aws.string("kms_key_id"), aws == null ? null : aws.positiveInt("concurrency"),
                s.duration("timeout"));
    }

    private static String besideFile(Path file, String path) {
        if (file == null || path == null || path.startsWith("s3://") || Path.of(path).isAbsolute()) return path;
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? path : dir.resolve(path).toString();
    }

    /** yaml_vault takes one key path or several; both spellings are accepted. */
    private static List<String> keys(ConfigMapping s) {
        Node v = s.value("keys");
        if (v == null) return List.of();
        if (v instanceof org.yaml.snakeyaml.nodes.ScalarNode) return List.of(s.string("keys"));
        return s.stringList("keys");
    }

    private static boolean flag(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
