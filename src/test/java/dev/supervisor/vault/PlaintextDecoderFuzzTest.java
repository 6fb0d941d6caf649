package dev.supervisor.vault;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What lies behind the MAC: the decrypted bytes, damaged (a value written by a buggy or hostile encryptor
 * that holds the passphrase). Marshal and JSON/_rails payloads with flipped, cut and inserted bytes may only
 * fail with {@link VaultException}, whose message never holds the payload's text. Seeded like
 * VaultFuzzTest ({@code -Dfuzz.seed}, {@code -Dfuzz.seconds}).
 */
class PlaintextDecoderFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20240611L);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 3L);
    private static final String SECRET = "Pd-Secret-Value-77";

    @Test
    void damagedPayloadsFailOnlyAsInvalidMessage() {
        String b64 = Base64.getEncoder().encodeToString(RubyMarshal.dumpString(SECRET));
        List<byte[]> seeds = List.of(
                RubyMarshal.dumpString(SECRET),
                RubyMarshal.dumpString(SECRET.repeat(20)),
                ("\"" + SECRET + "\"").getBytes(StandardCharsets.UTF_8),
                ("{\"_rails\":{\"message\":\"" + b64 + "\",\"exp\":null,\"pur\":null}}").getBytes(StandardCharsets.UTF_8),
                ("{\"_rails\":{\"data\":\"" + SECRET + "\",\"exp\":\"2999-01-01T00:00:00.000Z\"}}").getBytes(StandardCharsets.UTF_8),
                new byte[]{4, 8, 'I', '"', 10, 'a', 'b', 'c', 'd', 'e', 6, ':', 13, 'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g',
                        '"', 10, 'U', 'T', 'F', '-', '8'});
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L / 3;
        for (int i = 0; i < 500_000 && System.nanoTime() < deadline; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                PlaintextDecoder.decode(input);
            } catch (VaultException expected) {
                assertFalse(expected.getMessage().contains(SECRET.substring(0, 12)), expected.getMessage());
            } catch (Throwable unexpected) {
                fail("seed " + SEED + ", iteration " + i + ", input " + Arrays.toString(input) + ": " + unexpected, unexpected);
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> out[at] = (byte) random.nextInt(256);
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }
}
