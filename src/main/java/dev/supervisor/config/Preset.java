package dev.supervisor.config;

import dev.supervisor.process.Signals;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.supervisor.process.Signals.SIGINT;
import static dev.supervisor.process.Signals.SIGQUIT;
import static dev.supervisor.process.Signals.SIGTERM;
import static dev.supervisor.process.Signals.SIGTSTP;
import static dev.supervisor.process.Signals.SIGUSR1;
import static dev.supervisor.process.Signals.SIGUSR2;

/**
 * How each app server wants to be stopped, from its own documentation. Platforms (ECS, Kubernetes,
 * {@code docker stop}) send TERM; many servers treat TERM as "die now" and want QUIT (or USR1) for a
 * graceful stop, so the preset rewrites TERM. INT stays INT: it is the fast stop people expect from Ctrl-C.
 * Signals a preset does not list are forwarded unchanged.
 */
public enum Preset {
    /** unicorn SIGNALS: "INT/TERM - quick shutdown, kills all workers immediately; QUIT - graceful shutdown". */
    UNICORN("unicorn", signals(SIGTERM, SIGQUIT, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "HUP reload, USR1 reopen logs, USR2 re-exec, WINCH, TTIN/TTOU forwarded",
            "https://yhbt.net/unicorn/SIGNALS.html"),
    /** Puma docs/signals.md: "TERM send TERM to worker. The worker will attempt to finish then exit." */
    PUMA("puma", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "USR1 phased restart, USR2 hot restart, HUP reopen logs (stops puma without stdout_redirect), TTIN/TTOU forwarded",
            "https://github.com/puma/puma/blob/master/docs/signals.md"),
    /**
     * Sidekiq wiki "Signals": TERM = shut down within the -t timeout (default 25 s, "since all Heroku
     * processes must exit within 30 seconds"); TSTP = quiet (stop fetching). Our timeout must exceed
     * sidekiq's own so it can push unfinished jobs back to Redis before we KILL: 25 s + 3 s.
     */
    SIDEKIQ("sidekiq", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), SIGTSTP, Duration.ofSeconds(28),
            new InnerTimeout(List.of("-t", "--timeout"), 25),
            "TSTP quiet, TTIN thread dump forwarded",
            "https://github.com/sidekiq/sidekiq/wiki/Signals"),
    /** Resque README "Signals": "QUIT - Wait for child to finish processing then exit; TERM / INT - Immediately kill child then exit". */
    RESQUE("resque", signals(SIGTERM, SIGQUIT, SIGINT, SIGINT), SIGUSR2, Duration.ofSeconds(25), null,
            "USR1 kill child, USR2 pause, CONT resume forwarded",
            "https://github.com/resque/resque#signals"),
    /** Gunicorn "Signal Handling": "QUIT, INT: quick shutdown; TERM: graceful shutdown ... up to graceful_timeout" (default 30 s). */
    GUNICORN("gunicorn", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), null, Duration.ofSeconds(25),
            new InnerTimeout(List.of("--graceful-timeout"), 30),
            "HUP reload, USR1 reopen logs, USR2 upgrade, TTIN/TTOU, WINCH forwarded",
            "https://gunicorn.org/signals"),
    /** nginx "Controlling nginx": "TERM, INT fast shutdown; QUIT graceful shutdown" (the official image sets STOPSIGNAL SIGQUIT). */
    NGINX("nginx", signals(SIGTERM, SIGQUIT, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "HUP reload config, USR1 reopen logs, USR2 upgrade binary, WINCH forwarded",
            "https://nginx.org/en/docs/control.html"),
    /** php-fpm(8) SIGNALS: "SIGINT,SIGTERM immediate termination; SIGQUIT graceful stop" (the official php image sets STOPSIGNAL SIGQUIT). */
    PHP_FPM("php-fpm", signals(SIGTERM, SIGQUIT, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "USR1 reopen logs, USR2 graceful reload forwarded",
            "https://github.com/php/php-src/blob/master/sapi/fpm/php-fpm.8.in"),
    /** Celery Workers Guide "Stopping the worker": TERM = warm shutdown, finishes the tasks it is executing; QUIT = cold. */
    CELERY("celery", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "QUIT cold shutdown, HUP restart (daemonized only) forwarded",
            "https://docs.celeryq.dev/en/stable/userguide/workers.html#stopping-the-worker"),
    /** GoodJob README "Interrupts, graceful shutdown, and SIGKILL": SIGINT/SIGTERM wait for jobs up to shutdown_timeout (default: forever). */
    GOOD_JOB("good_job", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), null, Duration.ofSeconds(25),
            new InnerTimeout(List.of("--shutdown-timeout"), -1),
            "other signals forwarded",
            "https://github.com/bensheldon/good_job#interrupts-graceful-shutdown-and-sigkill"),
    /**
     * delayed_job's worker traps TERM and INT and stops after the current job (lib/delayed/worker.rb);
     * with Delayed::Worker.raise_signal_exceptions = :term it aborts the job and unlocks it instead (README).
     */
    DELAYED_JOB("delayed_job", signals(SIGTERM, SIGTERM, SIGINT, SIGINT), null, Duration.ofSeconds(25), null,
            "other signals forwarded",
            "https://github.com/collectiveidea/delayed_job#gory-details"),
    /**
     * Shoryuken wiki "Signals": USR1 = soft shutdown, finishes the messages already fetched and exits;
     * TERM = hard shutdown within -t (default 8 s), pushing unfinished messages back; TSTP = stop fetching.
     * TERM becomes USR1 so in-flight messages finish; write {@code signals: {TERM: TERM}} for the hard stop.
     */
    SHORYUKEN("shoryuken", signals(SIGTERM, SIGUSR1, SIGINT, SIGINT), SIGTSTP, Duration.ofSeconds(25), null,
            "TSTP stop fetching, TTIN thread dump forwarded",
            "https://github.com/ruby-shoryuken/shoryuken/wiki/Signals"),
    /** Anything else: every signal forwarded as it is, like tini. */
    GENERIC("generic", Map.of(), null, Duration.ofSeconds(25), null,
            "every signal forwarded unchanged",
            "tini/dumb-init behaviour (no rewriting)");

    /**
     * The server's own shutdown deadline as a command-line option; {@code defaultSeconds} -1 means it waits
     * forever by default. Used to warn when it does not fit inside our stop timeout.
     */
    public record InnerTimeout(List<String> options, int defaultSeconds) {}

    private final String id;
    private final Map<Integer, Integer> signalMap;
    private final Integer quietSignal;
    private final Duration stopTimeout;
    private final InnerTimeout innerTimeout;
    private final String otherSignals;
    private final String source;

    Preset(String id, Map<Integer, Integer> signalMap, Integer quietSignal, Duration stopTimeout,
           InnerTimeout innerTimeout, String otherSignals, String source) {
        this.id = id;
        this.signalMap = signalMap;
        this.quietSignal = quietSignal;
        this.stopTimeout = stopTimeout;
        this.innerTimeout = innerTimeout;
        this.otherSignals = otherSignals;
        this.source = source;
    }

    /** The name written in {@code preset:}. */
    public String id() {
        return id;
    }

    /** Signal number -> signal number to send instead; entries equal on both sides document the stop semantics. */
    public Map<Integer, Integer> signalMap() {
        return signalMap;
    }

    /** Sent first on stop when a mode sets {@code quiet_first: true}; null when the server has no quiet signal. */
    public Integer quietSignal() {
        return quietSignal;
    }

    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** Signal the child's process group rather than the child: no preset wants it (masters manage workers). */
    public boolean processGroup() {
        return false;
    }

    public Optional<InnerTimeout> innerTimeout() {
        return Optional.ofNullable(innerTimeout);
    }

    public String otherSignals() {
        return otherSignals;
    }

    public String source() {
        return source;
    }

    /** {@code php-fpm}, {@code php_fpm}, {@code PHP-FPM} all name the same preset. */
    public static Optional<Preset> named(String name) {
        String wanted = normalize(name);
        return Arrays.stream(values()).filter(p -> normalize(p.id).equals(wanted)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Preset::id).toList();
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<Integer, Integer> signals(int... pairs) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code TERM→QUIT INT→INT}, for listings. */
    public static String describe(Map<Integer, Integer> map) {
        StringBuilder out = new StringBuilder();
        map.forEach((src, dst) -> {
            if (out.length() > 0) out.append(' ');
            out.append(Signals.name(src)).append('→').append(dst == 0 ? "drop" : Signals.name(dst));
        });
        return out.toString();
    }
}
