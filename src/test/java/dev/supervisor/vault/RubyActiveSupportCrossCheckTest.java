package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor.vault.MessageEncryptorOptions.CipherMode;
import dev.supervisor.vault.MessageEncryptorOptions.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our encryption opened by the real ActiveSupport::MessageEncryptor (as yaml_vault configures it).
 * Skipped when ruby with activesupport is not installed (apt-get install ruby ruby-activesupport).
 */
class RubyActiveSupportCrossCheckTest {
    private static final String SCRIPT = String.join("\n",
            "require 'active_support'",
            "require 'active_support/message_encryptor'",
            "require 'active_support/key_generator'",
            "pass, sign, salt, cipher, digest, value = ARGV",
            "key = ActiveSupport::KeyGenerator.new(pass).generate_key(salt, 32)",
            "opts = { cipher: cipher, digest: digest }",
            "enc = if sign.empty? then ActiveSupport::MessageEncryptor.new(key, **opts)",
            "      else ActiveSupport::MessageEncryptor.new(key, ActiveSupport::KeyGenerator.new(sign).generate_key(salt, 64), **opts) end",
            "$stdout.write(enc.decrypt_and_verify(value).to_s)");
    private static boolean rubyAvailable;

    @BeforeAll
    static void probeRuby() {
        try {
            rubyAvailable = run(List.of("ruby", "-e", "require 'active_support'; require 'active_support/message_encryptor'"))
                    .exitCode == 0;
        } catch (IOException e) {
            rubyAvailable = false;
        }
    }

    record Case(String name, MessageEncryptorOptions options) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        MessageEncryptorOptions base = MessageEncryptorOptions.of("cross-pass");
        return Stream.of(
                new Case("cbc-sha256", base),
                new Case("cbc-sha1-sign", base.withDigest(Digest.SHA1).withSignPassphrase("cross-sign")),
                new Case("cbc-sha512-salt", base.withDigest(Digest.SHA512).withSalt("pepper")),
                new Case("gcm", base.withCipher(CipherMode.AES_256_GCM).withSalt("pepper")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void activeSupportDecryptsOurValues(Case c) throws Exception {
        assumeTrue(rubyAvailable, "ruby with activesupport is not installed; skipping the ActiveSupport cross-check");
        String plaintext = "cröss-chéck 🔑 " + c.name();
        String sealed = new MessageEncryptorCryptor(c.options()).encrypt(plaintext);
        MessageEncryptorOptions o = c.options();
        Result r = run(List.of("ruby", "-e", SCRIPT, o.passphrase(), o.signPassphrase() == null ? "" : o.signPassphrase(),
                o.salt(), o.cipher().rubyName(), o.digest().name(), sealed));
        assertEquals(0, r.exitCode, r.output);
        assertEquals(plaintext, r.output);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timeout");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
