package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor.vault.VaultException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the KMS plaintext as Ruby's {@code YAML.load(text).to_s} would. */
class KmsPlaintextYamlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            --- yes\\n           => true
            --- ~\\n             => ''
            --- 0x1F\\n          => 31
            --- 1_000\\n         => 1000
            --- 'yes'\\n         => yes
            --- !!str 12\\n      => 12
            '--- a\\n...\\n'     => a
            """)
    void plainScalarsBecomeRubyToS(String document, String expected) {
        String want = expected.equals("''") ? "" : expected;
        assertEquals(want, KmsPlaintextYaml.decode(KmsCryptorTest.unescape(document).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            --- a\\n--- b\\n
            --- [1, 2]\\n
            --- !ruby/object:Foo x\\n
            """)
    void somethingOtherThanOneStringIsRejected(String document) {
        assertThrows(VaultException.class,
                () -> KmsPlaintextYaml.decode(KmsCryptorTest.unescape(document).getBytes(StandardCharsets.UTF_8)));
    }
}
