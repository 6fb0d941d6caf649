package dev.supervisor.config;

/**
 * What a mode does with the arguments given after its name ({@code supervisor run web -p 4000}).
 */
public enum ArgsPolicy {
    /** The default: extra arguments are appended to the mode's command ({@code puma -C x.rb -p 4000}). */
    APPEND,
    /**
     * Extra arguments, when there are any, replace the whole command; without any, the mode's command runs.
     * For task-like modes: {@code supervisor run task bin/rails db:migrate}. Such a mode may omit
     * {@code command}, and then needs extra arguments.
     */
    REPLACE,
    /**
     * Extra arguments are dropped: for an image whose ENTRYPOINT picks the mode and whose CMD must not
     * change the command (an orchestrator may append its own arguments).
     */
    IGNORE
}
