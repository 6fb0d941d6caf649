package dev.supervisor.aws;

import dev.supervisor.ExitCode;
import dev.supervisor.vault.VaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Turns what the SDK throws into one line a person can act on and an exit code:
 * 77 when AWS refused (or we had no credentials to ask with), 78 when the input is wrong
 * (not a KMS value, missing object), 69 when AWS could not be reached or kept failing.
 */
final class AwsFailures {

    /** One classified failure; {@code message} names the call, resource, endpoint and region. */
    record Failure(int exitCode, String reason, String message, Throwable cause) {
        AwsException toException() {
            return new AwsException(exitCode, reason, message, cause);
        }

        VaultException toVaultException() {
            return new VaultException(exitCode, reason, message, null, null, -1, cause);
        }
    }

    /**
     * What was being attempted, for the message.
     *
     * @param action   the IAM action, e.g. {@code kms:Decrypt}, {@code s3:GetObject}
     * @param resource the ARN or key id the action is on, or null when only AWS knows it
     * @param subject  how the user named the thing ({@code s3://bucket/key}), or null
     */
    record Call(String action, String resource, String subject, String endpoint, String region) {}

    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "InvalidAccessKeyId", "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId");
    private static final Set<String> NOT_A_VALUE = Set.of("InvalidCiphertextException", "IncorrectKeyException");
    private static final Set<String> KEY_UNUSABLE = Set.of("NotFoundException", "DisabledException",
            "KMSInvalidStateException", "InvalidKeyUsageException");
    private static final Set<String> MISSING_OBJECT = Set.of("NoSuchKey", "NoSuchBucket");
    /** AWS names the denied resource in its message: "... kms:Decrypt on resource: arn:aws:kms:...". */
    private static final Pattern RESOURCE_IN_MESSAGE = Pattern.compile("on resource:? (arn:\\S+?)[.,;]?(?:\\s|$)");

    private AwsFailures() {}

    static Failure classify(Throwable error, Call call) {
        Throwable e = unwrap(error);
        if (hasCause(e, CredentialsChain.CredentialsUnavailable.class)) {
            return new Failure(ExitCode.NO_PERMISSION, "NoCredentials",
                    "no AWS credentials for " + call.action() + ": looked at " + CredentialsChain.SEARCHED, e);
        }
        if (e instanceof AwsServiceException service) return classifyService(service, call);
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || hasCause(e, SocketTimeoutException.class)) {
            return unavailable("Timeout", "timed out", call, e);
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)) {
            return unavailable("Unreachable", "could not connect", call, e);
        }
        // The SDK's own text is left out on purpose: for an unreadable response it may quote the body,
        // and a KMS Decrypt response body holds the plaintext.
        return unavailable("ClientError", "failed (" + e.getClass().getSimpleName()
                + "; the response could not be read or the request not sent)", call, e);
    }

    /** A timeout we enforce ourselves around a batch of calls. */
    static Failure timeout(Call call, java.time.Duration limit) {
        return new Failure(ExitCode.UNAVAILABLE, "Timeout",
                call.action() + " did not finish within " + limit.toMillis() + " ms at " + call.endpoint()
                        + " (region " + call.region() + "); is the endpoint reachable from here?", null);
    }

    private static Failure classifyService(AwsServiceException e, Call call) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "HTTP" + e.statusCode();
        String awsSaid = e.awsErrorDetails() != null ? firstLine(e.awsErrorDetails().errorMessage()) : null;
        String said = awsSaid == null || awsSaid.isBlank() ? "" : " (AWS said: " + awsSaid + ")";
        if (DENIED.contains(code) || e.statusCode() == 403) {
            String resource = call.resource() != null ? call.resource() : resourceIn(awsSaid);
            String hint = call.action().equals("s3:GetObject")
                    ? "; S3 also answers AccessDenied for a missing key when s3:ListBucket is not granted" : "";
            return new Failure(ExitCode.NO_PERMISSION, code, "AWS denied " + call.action() + " on " + resource
                    + ": grant " + call.action() + " on " + resource + " to the task role" + hint + said, e);
        }
        if (NOT_A_VALUE.contains(code)) {
            return new Failure(ExitCode.CONFIG, code, "not a KMS value, or encrypted under another key/region"
                    + " (" + call.action() + " in region " + call.region() + ")" + said, e);
        }
        if (KEY_UNUSABLE.contains(code)) {
            return new Failure(ExitCode.CONFIG, code, "the KMS key " + orUnknown(call.resource())
                    + " cannot be used for " + call.action() + " in region " + call.region() + said, e);
        }
        if (MISSING_OBJECT.contains(code) || (e.statusCode() == 404 && call.action().startsWith("s3:"))) {
            return new Failure(ExitCode.CONFIG, code, call.subject() + " does not exist" + said, e);
        }
        if (e.isThrottlingException()) {
            return unavailable(code, "was throttled after all retries", call, e);
        }
        if (e.statusCode() >= 500) {
            return unavailable(code, "failed with HTTP " + e.statusCode() + " after all retries" + said, call, e);
        }
        return new Failure(ExitCode.UNAVAILABLE, code, call.action() + " on " + orUnknown(call.resource())
                + " failed with HTTP " + e.statusCode() + " at " + call.endpoint() + said, e);
    }

    private static Failure unavailable(String reason, String what, Call call, Throwable e) {
        String of = call.subject() == null ? "" : " of " + call.subject();
        return new Failure(ExitCode.UNAVAILABLE, reason, call.action() + of + " " + what + " at " + call.endpoint()
                + " (region " + call.region() + ")", e);
    }

    private static String resourceIn(String awsMessage) {
        if (awsMessage != null) {
            Matcher m = RESOURCE_IN_MESSAGE.matcher(awsMessage);
            if (m.find()) return m.group(1);
        }
        return "the key that encrypted this value";
    }

    private static String orUnknown(String resource) {
        return resource != null ? resource : "(key named inside the value)";
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) return null;
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
