package dev.supervisor.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One yaml_vault vector from ../shared/vectors/yaml_vault, read at test time (never copied). */
record VectorFixture(String id, Path dir, JsonNode sidecar) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path root() {
        String shared = System.getProperty("shared.dir", "../shared");
        return Path.of(shared, "vectors", "yaml_vault");
    }

    static List<VectorFixture> all() {
        try {
            JsonNode index = JSON.readTree(root().resolve("index.json").toFile());
            List<VectorFixture> out = new ArrayList<>();
            for (JsonNode v : index.get("vectors")) {
                Path dir = root().resolve(v.get("dir").asText());
                out.add(new VectorFixture(v.get("id").asText(), dir, JSON.readTree(dir.resolve("vector.json").toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VectorFixture named(String id) {
        return all().stream().filter(v -> v.id.equals(id)).findFirst().orElseThrow();
    }

    boolean negative() {
        return "error".equals(expected().get("outcome").asText());
    }

    JsonNode expected() {
        return sidecar.get("expected");
    }

    String text(String fileKey) {
        try {
            return Files.readString(dir.resolve(sidecar.get("files").get(fileKey).asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    MessageEncryptorOptions decryptOptions() {
        return optionsFrom(sidecar);
    }

    /** For negative vectors, the parameters used to encrypt; for positive ones the same as decryption. */
    MessageEncryptorOptions encryptOptions() {
        JsonNode with = sidecar.get("encrypted_with");
        return with == null || with.isNull() ? optionsFrom(sidecar) : optionsFrom(with);
    }

    private MessageEncryptorOptions optionsFrom(JsonNode p) {
        MessageEncryptorOptions o = MessageEncryptorOptions.of(p.get("passphrase").asText())
                .withSignPassphrase(textOrNull(p.get("sign_passphrase")))
                .withSalt(textOrNull(p.get("salt")))
                .withCipher(MessageEncryptorOptions.CipherMode.parse(p.get("cipher").asText()))
                .withDigest(MessageEncryptorOptions.Digest.parse(p.get("digest").asText()));
        JsonNode kdf = sidecar.get("kdf");
        if (kdf != null && "SHA256".equalsIgnoreCase(kdf.path("hmac").asText())) o = o.withKdfHash(Pbkdf2.Hash.SHA256);
        return o;
    }

    List<KeyPath> keys() {
        if (sidecar.hasNonNull("keys_cli")) return KeyPath.parseList(sidecar.get("keys_cli").asText());
        List<KeyPath> out = new ArrayList<>();
        for (JsonNode k : sidecar.get("keys")) out.add(KeyPath.parse(k.asText()));
        return out;
    }

    Affixes affixes() {
        return new Affixes(textOrNull(sidecar.get("prefix")), textOrNull(sidecar.get("suffix")));
    }

    Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = expected().get(field);
        if (node != null) node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
