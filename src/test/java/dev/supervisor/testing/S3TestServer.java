package dev.supervisor.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server in-process: S3Proxy over jclouds' in-memory ("transient") blob store on 127.0.0.1 and a
 * free port, checking AWS Signature V4 with a fixed access key. Tests seed objects straight into the blob
 * store and read them back through the production code's SDK client.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIAS3TESTSERVER0001";
    public static final String SECRET_KEY = "s3-test-server-secret-key";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public S3TestServer() throws Exception {
        Properties props = new Properties();
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(props).build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(10);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void put(String bucket, String key, byte[] content) {
        BlobStore store = context.getBlobStore();
        store.createContainerInLocation(null, bucket);
        store.putBlob(bucket, store.blobBuilder(key).payload(content).contentLength(content.length).build());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
