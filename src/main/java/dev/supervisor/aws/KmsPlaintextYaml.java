package dev.supervisor.aws;

import dev.supervisor.vault.VaultException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The YAML document inside a KMS plaintext (FORMAT.md §6). yaml_vault writes it with {@code YAML.dump(str)}
 * and reads it with {@code YAML.load(...).to_s}; encoding is {@link PsychStringDump}, decoding is here.
 *
 * <p>The text is parsed with SnakeYAML as one document holding one scalar. A quoted or block scalar is
 * the string itself. A plain scalar is turned into what Ruby's {@code .to_s} of Psych's value prints for
 * the common cases: null ({@code ~}, {@code null}, empty) becomes "", YAML 1.1 booleans become
 * "true"/"false", integers are printed in decimal. Other plain text (including floats) is kept as written.
 * yaml_vault itself always quotes such values, so only hand-made ciphertexts reach those rules.
 */
final class KmsPlaintextYaml {
    private static final Pattern NULL = Pattern.compile("(?i)~|null|");
    private static final Pattern TRUE = Pattern.compile("(?i)yes|true|on");
    private static final Pattern FALSE = Pattern.compile("(?i)no|false|off");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:0|[1-9][0-9_,]*)");
    private static final Pattern HEX = Pattern.compile("([-+]?)0x([0-9a-fA-F_,]+)");
    private static final Pattern OCTAL = Pattern.compile("([-+]?)0([0-7_,]+)");
    private static final Pattern BINARY = Pattern.compile("([-+]?)0b([01_,]+)");

    private KmsPlaintextYaml() {}

    static byte[] encode(String value) {
        return PsychStringDump.dump(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Never quotes the plaintext in an error: it is the secret. */
    static String decode(byte[] plaintext) {
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            node = new Yaml(options, new DumperOptions())
                    .compose(new StringReader(new String(plaintext, StandardCharsets.UTF_8)));
        } catch (YAMLException e) {
            throw notAString("is not a single YAML document");
        }
        if (node == null) throw notAString("is empty");
        if (!(node instanceof ScalarNode scalar)) throw notAString("holds a " + node.getNodeId() + ", not a string");
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.BINARY) || "!binary".equals(tag.getValue())) {
            return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
        }
        if (!tag.getValue().startsWith(Tag.PREFIX)) throw notAString("is tagged " + tag.getValue());
        if (!scalar.isPlain() || tag.equals(Tag.STR)) return text;
        return rubyToS(text);
    }

    private static String rubyToS(String plain) {
        if (NULL.matcher(plain).matches()) return "";
        if (TRUE.matcher(plain).matches()) return "true";
        if (FALSE.matcher(plain).matches()) return "false";
        String integer = integerText(plain);
        return integer != null ? integer : plain;
    }

    private static String integerText(String s) {
        try {
            var m = BINARY.matcher(s);
            if (m.matches()) return signed(m.group(1), new BigInteger(digits(m.group(2)), 2));
            m = HEX.matcher(s);
            if (m.matches()) return signed(m.group(1), new BigInteger(digits(m.group(2)), 16));
            m = OCTAL.matcher(s);
            if (m.matches()) return signed(m.group(1), new BigInteger(digits(m.group(2)), 8));
            if (DECIMAL.matcher(s).matches()) return new BigInteger(digits(s)).toString();
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String digits(String s) {
        return s.replace("_", "").replace(",", "");
    }

    private static String signed(String sign, BigInteger v) {
        return ("-".equals(sign) ? v.negate() : v).toString();
    }

    private static VaultException notAString(String what) {
        return new VaultException("NotAString", "the KMS plaintext " + what.toLowerCase(Locale.ROOT)
                + "; yaml_vault's aws-kms values hold one YAML string");
    }
}
