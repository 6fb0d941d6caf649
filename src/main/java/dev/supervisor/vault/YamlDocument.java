package dev.supervisor.vault;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.Version;

/** One document of a YAML stream, with what its start and end markers looked like. */
public record YamlDocument(YamlNode root, boolean explicitStart, boolean explicitEnd, Version version,
                           Map<String, String> tagDirectives) {}
