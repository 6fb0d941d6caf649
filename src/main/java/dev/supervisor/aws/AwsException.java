package dev.supervisor.aws;

import dev.supervisor.SupervisorException;

/**
 * An AWS call that failed in a way the user can act on. {@code reason} is the AWS error code where there
 * is one ({@code AccessDenied}, {@code NoSuchKey}) or a short word of ours ({@code Timeout},
 * {@code Unreachable}, {@code NoCredentials}). Messages name the endpoint, region, resource and IAM action,
 * never a secret.
 */
public class AwsException extends SupervisorException {
    private final String reason;

    public AwsException(int exitCode, String reason, String message, Throwable cause) {
        super(exitCode, message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The message without the reason suffix. */
    public String detail() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (" + reason + ")";
    }
}
