package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

/**
 * A value or file that cannot be decrypted or encrypted. {@code reason} is a short machine-friendly
 * word (yaml_vault's exception name where one exists: InvalidSignature, InvalidMessage; AWS error codes
 * for KMS); the message says what to fix. Never contains a secret.
 */
public class VaultException extends SupervisorException {
    private final String reason;
    private final String file;
    private final String keyPath;
    private final int valueIndex;

    public VaultException(String reason, String message) {
        this(ExitCode.CONFIG, reason, message, null, null, -1, null);
    }

    public VaultException(int exitCode, String reason, String message) {
        this(exitCode, reason, message, null, null, -1, null);
    }

    public VaultException(int exitCode, String reason, String message, String file, String keyPath,
                          int valueIndex, Throwable cause) {
        super(exitCode, message, cause);
        this.reason = reason;
        this.file = file;
        this.keyPath = keyPath;
        this.valueIndex = valueIndex;
    }

    public String reason() { return reason; }
    public String file() { return file; }
    public String keyPath() { return keyPath; }
    /** Index of the failing value in a {@link Cryptor#decryptAll} batch, or -1. */
    public int valueIndex() { return valueIndex; }

    public VaultException atIndex(int index) {
        return new VaultException(exitCode(), reason, rawMessage(), file, keyPath, index, getCause());
    }

    public VaultException at(String file, String keyPath) {
        return new VaultException(exitCode(), reason, rawMessage(), file, keyPath, valueIndex, getCause());
    }

    private String rawMessage() {
        return super.getMessage();
    }

    /** One line: {@code file: key path: message (reason)}. */
    @Override
    public String getMessage() {
        StringBuilder line = new StringBuilder();
        if (file != null) line.append(file).append(": ");
        if (keyPath != null) line.append(keyPath).append(": ");
        line.append(rawMessage());
        if (reason != null) line.append(" (").append(reason).append(')');
        return line.toString();
    }
}
