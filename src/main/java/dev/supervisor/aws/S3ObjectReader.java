package dev.supervisor.aws;

import dev.supervisor.ExitCode;
import dev.supervisor.secrets.S3Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads whole S3 objects into memory, refusing objects above a size cap (secret files are small; a
 * wrong URL pointing at a large object should fail fast, not fill the heap).
 */
public final class S3ObjectReader {
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private final AwsServices aws;
    private final long maxBytes;

    S3ObjectReader(AwsServices aws, long maxBytes) {
        this.aws = aws;
        this.maxBytes = maxBytes;
    }

    /** The object's bytes. Throws {@link AwsException}: 78 missing or too large, 77 denied, 69 unreachable. */
    public byte[] read(S3Location location) {
        try (ResponseInputStream<GetObjectResponse> in =
                     aws.s3().getObject(r -> r.bucket(location.bucket()).key(location.key()))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw tooLarge(location, length + " bytes");
            }
            return readCapped(in, location);
        } catch (SdkException | CredentialsChain.CredentialsUnavailable e) {
            throw AwsFailures.classify(e, call(location)).toException();
        } catch (IOException e) {
            throw new AwsException(ExitCode.UNAVAILABLE, "ReadFailed", "reading " + location + " from "
                    + aws.s3Endpoint() + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private byte[] readCapped(InputStream in, S3Location location) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            // Content-Length can be absent (chunked); count as we go.
            if (total > maxBytes) throw tooLarge(location, "more than " + maxBytes + " bytes");
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private AwsException tooLarge(S3Location location, String size) {
        return new AwsException(ExitCode.CONFIG, "TooLarge", location + " is " + size
                + ", above the limit of " + maxBytes + " bytes for a secret file", null);
    }

    private AwsFailures.Call call(S3Location location) {
        return new AwsFailures.Call("s3:GetObject", location.arn(), location.toString(), aws.s3Endpoint(), aws.region());
    }
}
