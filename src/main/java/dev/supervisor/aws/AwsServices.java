package dev.supervisor.aws;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one door into AWS. Constructing it touches nothing; the SDK's clients (and with them the SDK's
 * classes, the region lookup and the credentials chain) are built on the first KMS or S3 call, so a run
 * that uses neither never loads the SDK. Close it when done to release the HTTP client.
 */
public final class AwsServices implements AutoCloseable {
    private final AwsSettings settings;
    private AwsClients clients;
    private KmsClient kms;
    private S3Client s3;

    public AwsServices(AwsSettings settings) {
        this.settings = settings;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** A yaml_vault {@code aws-kms} cryptor; {@code keyId} (id, ARN or {@code alias/NAME}) is needed only to encrypt. */
    public KmsCryptor kmsCryptor(String keyId) {
        return new KmsCryptor(this, keyId);
    }

    /** Reads whole S3 objects of at most {@code maxBytes}. */
    public S3ObjectReader s3Reader(long maxBytes) {
        return new S3ObjectReader(this, maxBytes);
    }

    /** Decrypts (and encrypts) file contents stored as a KMS blob or a {@link KmsEnvelope}. */
    public KmsFileCipher kmsFiles(String keyId) {
        return new KmsFileCipher(this, keyId);
    }

    synchronized AwsClients clients() {
        if (clients == null) clients = new AwsClients(settings);
        return clients;
    }

    synchronized KmsClient kms() {
        if (kms == null) kms = clients().kms();
        return kms;
    }

    synchronized S3Client s3() {
        if (s3 == null) s3 = clients().s3();
        return s3;
    }

    String kmsEndpoint() {
        return clients().endpointOf("KMS", "kms");
    }

    String s3Endpoint() {
        return clients().endpointOf("S3", "s3");
    }

    String region() {
        return clients().region().id();
    }

    @Override
    public synchronized void close() {
        if (kms != null) kms.close();
        if (s3 != null) s3.close();
        if (clients != null) clients.close();
    }
}
