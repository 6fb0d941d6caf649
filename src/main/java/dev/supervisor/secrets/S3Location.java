package dev.supervisor.secrets;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import java.util.regex.Pattern;

/** An S3 object named as {@code s3://bucket/key}. The key is taken literally (no URL decoding), as the AWS CLI does. */
public record S3Location(String bucket, String key) {
    /** Bucket naming rules (3–63 of lowercase letters, digits, dots, hyphens); legacy upper-case names are rare. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,61}[a-z0-9]");

    public static S3Location parse(String url) {
        if (url == null || !url.regionMatches(true, 0, "s3://", 0, 5)) {
            throw bad(url, "it does not start with s3://");
        }
        String rest = url.substring(5);
        int slash = rest.indexOf('/');
        if (slash <= 0) throw bad(url, "expected s3://bucket/key");
        String bucket = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) throw bad(url, "'" + bucket + "' is not a valid bucket name");
        if (key.isEmpty()) throw bad(url, "the object key is empty");
        return new S3Location(bucket, key);
    }

    /** The IAM resource for {@code s3:GetObject}. */
    public String arn() {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    private static SupervisorException bad(String url, String why) {
        return new SupervisorException(ExitCode.USAGE, "'" + url + "' is not an S3 URL: " + why);
    }
}
