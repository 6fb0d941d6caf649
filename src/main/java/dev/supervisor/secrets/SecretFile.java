package dev.supervisor.secrets;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --file s3://bucket/key=/path/in/container[:mode]}: an S3 object to install as a file.
 * The split is at the last {@code =/} (the target must be absolute), so keys may contain {@code =}
 * (Hive-style {@code dt=2024/...}). The mode is octal, default {@code 0600}.
 */
public record SecretFile(S3Location source, Path target, int mode) {
    public static final int DEFAULT_MODE = 0600;
    private static final Pattern MODE_SUFFIX = Pattern.compile("(.+):([0-7]{3,4})");

    public static SecretFile parse(String spec) {
        int split = spec == null ? -1 : spec.lastIndexOf("=/");
        if (split < 0) throw bad(spec, "expected s3://bucket/key=/absolute/path[:mode]");
        S3Location source = S3Location.parse(spec.substring(0, split));
        String rest = spec.substring(split + 1);
        int mode = DEFAULT_MODE;
        Matcher m = MODE_SUFFIX.matcher(rest);
        if (m.matches()) {
            rest = m.group(1);
            mode = Integer.parseInt(m.group(2), 8);
            if (mode > 07777) throw bad(spec, "mode " + m.group(2) + " is out of range");
        } else if (rest.matches(".*:[^/]*")) {
            throw bad(spec, "the mode after ':' must be octal like 0600 or 0440");
        }
        Path target = Path.of(rest).normalize();
        if (!target.isAbsolute() || target.getFileName() == null) throw bad(spec, "the target must be an absolute file path");
        return new SecretFile(source, target, mode);
    }

    @Override
    public String toString() {
        return source + "=" + target + ":" + String.format("%04o", mode);
    }

    private static SupervisorException bad(String spec, String why) {
        return new SupervisorException(ExitCode.USAGE, "--file '" + spec + "': " + why);
    }
}
