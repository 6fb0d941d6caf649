package dev.supervisor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for AWS KMS speaking its real wire protocol (JSON 1.1, {@code X-Amz-Target:
 * TrentService.*}), so tests go through the real SDK client, signing and retry logic. Keys are real
 * AES-256-GCM keys; a ciphertext blob names its key id (as real KMS blobs do), so Decrypt needs no KeyId.
 * Blob layout: {@code "TKMS" | len(keyId) | keyId | iv(12) | ciphertext+tag}, AAD = keyId.
 */
public final class KmsTestServer implements AutoCloseable {
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-1";
    private static final byte[] MAGIC = "TKMS".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the next calls should fail. */
    public enum Fault { THROTTLE, SERVER_ERROR }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kms-test-server");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final List<String> accessKeys = new CopyOnWriteArrayList<>();
    private final Set<String> deniedAccessKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile long latencyMillis;
    private volatile boolean hang;
    private volatile boolean garbage;

    static {
        // The JDK's HttpServer otherwise meets the client's delayed ACK with Nagle: ~40 ms added to every
        // call, which would swamp the latency the tests inject. Read once, when HttpServer first loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public KmsTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Creates a key and returns its id; {@code alias} (without "alias/") may be null. */
    public String createKey(String alias) {
        String id = java.util.UUID.randomUUID().toString();
        byte[] key = new byte[32];
        random.nextBytes(key);
        keys.put(id, key);
        if (alias != null) aliases.put("alias/" + alias, id);
        return id;
    }

    public String arnOf(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId;
    }

    /** Encrypts directly (no HTTP), as another tool would have done, for decrypt tests. */
    public byte[] encryptBlob(String keyId, byte[] plaintext) {
        return seal(resolve(keyId), plaintext);
    }

    public void latency(long millis) { latencyMillis = millis; }
    public void failNext(int n, Fault kind) { fault.set(kind); faultsLeft.set(n); }
    public void deny(String accessKeyId) { deniedAccessKeys.add(accessKeyId); }
    /** Every call from now on waits until {@link #close()}. */
    public void hang() { hang = true; }
    /** Every call from now on answers 200 with a body that is not JSON. */
    public void answerGarbage() { garbage = true; }
    public int calls() { return calls.get(); }
    public int maxInFlight() { return maxInFlight.get(); }
    public List<String> accessKeyIds() { return List.copyOf(accessKeys); }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
            if (m == null || !auth.startsWith("AWS4-HMAC-SHA256 ") || !m.find()) {
                error(ex, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
                return;
            }
            String accessKey = m.group(1);
            accessKeys.add(accessKey);
            if (latencyMillis > 0) Thread.sleep(latencyMillis);
            if (hang) {
                released.await();
                return;
            }
            if (garbage) {
                send(ex, 200, "<<<this is not json>>>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (fault.get() == Fault.THROTTLE) error(ex, 400, "ThrottlingException", "Rate exceeded");
                else error(ex, 500, "KMSInternalException", "internal error");
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(body);
            switch (target == null ? "" : target) {
                case "TrentService.Encrypt" -> encrypt(ex, request, accessKey);
                case "TrentService.Decrypt" -> decrypt(ex, request, accessKey);
                case "TrentService.GenerateDataKey" -> generateDataKey(ex, request, accessKey);
                default -> error(ex, 400, "UnknownOperationException", "unknown target " + target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error(ex, 500, "KMSInternalException", e.toString());
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    private void encrypt(HttpExchange ex, JsonNode req, String accessKey) throws IOException {
        String keyId = resolveOrNull(req.path("KeyId").asText());
        if (keyId == null) { error(ex, 400, "NotFoundException", "Key '" + req.path("KeyId").asText() + "' does not exist"); return; }
        if (denied(ex, accessKey, "kms:Encrypt", keyId)) return;
        byte[] blob = seal(keyId, Base64.getDecoder().decode(req.path("Plaintext").asText()));
        ObjectNode res = JSON.createObjectNode().put("CiphertextBlob", Base64.getEncoder().encodeToString(blob))
                .put("KeyId", arnOf(keyId)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        send(ex, 200, JSON.writeValueAsBytes(res));
    }

    private void decrypt(HttpExchange ex, JsonNode req, String accessKey) throws IOException {
        byte[] blob = Base64.getDecoder().decode(req.path("CiphertextBlob").asText());
        String keyId = keyIdOf(blob);
        if (keyId == null) { error(ex, 400, "InvalidCiphertextException", null); return; }
        if (denied(ex, accessKey, "kms:Decrypt", keyId)) return;
        if (req.hasNonNull("KeyId") && !keyId.equals(resolveOrNull(req.get("KeyId").asText()))) {
            error(ex, 400, "IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
            return;
        }
        byte[] plain;
        try {
            plain = open(keyId, blob);
        } catch (GeneralSecurityException e) {
            error(ex, 400, "InvalidCiphertextException", null);
            return;
        }
        ObjectNode res = JSON.createObjectNode().put("KeyId", arnOf(keyId))
                .put("Plaintext", Base64.getEncoder().encodeToString(plain)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        send(ex, 200, JSON.writeValueAsBytes(res));
    }

    private void generateDataKey(HttpExchange ex, JsonNode req, String accessKey) throws IOException {
        String keyId = resolveOrNull(req.path("KeyId").asText());
        if (keyId == null) { error(ex, 400, "NotFoundException", "Key does not exist"); return; }
        if (denied(ex, accessKey, "kms:GenerateDataKey", keyId)) return;
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        ObjectNode res = JSON.createObjectNode()
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(keyId, dataKey)))
                .put("Plaintext", Base64.getEncoder().encodeToString(dataKey)).put("KeyId", arnOf(keyId));
        send(ex, 200, JSON.writeValueAsBytes(res));
    }

    private boolean denied(HttpExchange ex, String accessKey, String action, String keyId) throws IOException {
        if (!deniedAccessKeys.contains(accessKey)) return false;
        error(ex, 400, "AccessDeniedException", "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/app/" + accessKey
                + " is not authorized to perform: " + action + " on resource: " + arnOf(keyId)
                + " because no identity-based policy allows the " + action + " action");
        return true;
    }

    private String resolve(String keyIdOrAlias) {
        String id = resolveOrNull(keyIdOrAlias);
        if (id == null) throw new IllegalArgumentException("no key " + keyIdOrAlias);
        return id;
    }

    private String resolveOrNull(String ref) {
        if (ref == null) return null;
        if (aliases.containsKey(ref)) return aliases.get(ref);
        String id = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
        return keys.containsKey(id) ? id : null;
    }

    private byte[] seal(String keyId, byte[] plaintext) {
        try {
            byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.get(keyId), "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(id);
            byte[] ct = gcm.doFinal(plaintext);
            return ByteBuffer.allocate(MAGIC.length + 1 + id.length + iv.length + ct.length)
                    .put(MAGIC).put((byte) id.length).put(id).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String keyIdOf(byte[] blob) {
        if (blob.length < MAGIC.length + 1 + 12 + 16) return null;
        for (int i = 0; i < MAGIC.length; i++) if (blob[i] != MAGIC[i]) return null;
        int len = blob[MAGIC.length] & 0xFF;
        if (blob.length < MAGIC.length + 1 + len + 12 + 16) return null;
        String id = new String(blob, MAGIC.length + 1, len, StandardCharsets.US_ASCII);
        return keys.containsKey(id) ? id : null;
    }

    private byte[] open(String keyId, byte[] blob) throws GeneralSecurityException {
        int start = MAGIC.length + 1 + keyId.length();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.get(keyId), "AES"), new GCMParameterSpec(128, blob, start, 12));
        gcm.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
        return gcm.doFinal(blob, start + 12, blob.length - start - 12);
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type);
        if (message != null) body.put("message", message);
        send(ex, status, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
