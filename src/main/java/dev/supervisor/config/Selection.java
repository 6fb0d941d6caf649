package dev.supervisor.config;

import java.util.List;

/**
 * What {@code supervisor run} was asked to start: a mode (with extra arguments for it), or an ad-hoc command.
 * Exactly one of {@code modeName} and {@code adhocArgv} is non-null.
 */
public record Selection(String modeName, List<String> adhocArgv, List<String> extraArgs) {
    public Selection {
        if ((modeName == null) == (adhocArgv == null)) throw new IllegalArgumentException("a mode or a command, not both");
        adhocArgv = adhocArgv == null ? null : List.copyOf(adhocArgv);
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
    }

    public static Selection mode(String name, List<String> extraArgs) {
        return new Selection(name, null, extraArgs);
    }

    public static Selection adhoc(List<String> argv) {
        return new Selection(null, argv, List.of());
    }

    public boolean isAdhoc() {
        return adhocArgv != null;
    }
}
