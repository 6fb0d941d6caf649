package dev.supervisor.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.supervisor.process.Signals.SIGINT;
import static dev.supervisor.process.Signals.SIGQUIT;
import static dev.supervisor.process.Signals.SIGTERM;
import static dev.supervisor.process.Signals.SIGTSTP;
import static dev.supervisor.process.Signals.SIGUSR1;
import static dev.supervisor.process.Signals.SIGUSR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetTest {
    @Test
    void serversWhoseTermIsAFastStopGetQuit() {
        for (Preset p : new Preset[] {Preset.UNICORN, Preset.RESQUE, Preset.NGINX, Preset.PHP_FPM}) {
            assertEquals(Map.of(SIGTERM, SIGQUIT, SIGINT, SIGINT), p.signalMap(), p.id());
        }
    }

    @Test
    void serversWhoseTermIsGracefulKeepIt() {
        for (Preset p : new Preset[] {Preset.PUMA, Preset.SIDEKIQ, Preset.GUNICORN, Preset.CELERY, Preset.GOOD_JOB, Preset.DELAYED_JOB}) {
            assertEquals(Map.of(SIGTERM, SIGTERM, SIGINT, SIGINT), p.signalMap(), p.id());
        }
    }

    @Test
    void shoryukenTermBecomesSoftShutdown() {
        assertEquals(SIGUSR1, Preset.SHORYUKEN.signalMap().get(SIGTERM));
    }

    @Test
    void genericRewritesNothing() {
        assertTrue(Preset.GENERIC.signalMap().isEmpty());
    }

    @Test
    void quietSignalsFollowEachServersDocs() {
        assertEquals(SIGTSTP, Preset.SIDEKIQ.quietSignal());
        assertEquals(SIGTSTP, Preset.SHORYUKEN.quietSignal());
        assertEquals(SIGUSR2, Preset.RESQUE.quietSignal());
        assertNull(Preset.PUMA.quietSignal());
    }

    @Test
    void sidekiqStopTimeoutExceedsItsOwnDefaultShutdownTimeout() {
        int sidekiqDefault = Preset.SIDEKIQ.innerTimeout().orElseThrow().defaultSeconds();
        assertTrue(Preset.SIDEKIQ.stopTimeout().compareTo(Duration.ofSeconds(sidekiqDefault)) > 0);
    }

    @Test
    void everyPresetFitsTheDefaultPlatformBudgetAndCitesASource() {
        for (Preset p : Preset.values()) {
            assertTrue(p.stopTimeout().compareTo(StopBudget.DEFAULT_PLATFORM_BUDGET) < 0, p.id());
            assertFalse(p.source().isBlank(), p.id());
            assertFalse(p.processGroup(), p.id());
        }
    }

    @Test
    void namesAcceptDashesUnderscoresAndCase() {
        assertEquals(Preset.PHP_FPM, Preset.named("php_fpm").orElseThrow());
        assertEquals(Preset.GOOD_JOB, Preset.named("Good-Job").orElseThrow());
        assertTrue(Preset.named("unicron").isEmpty());
    }

    @Test
    void describeShowsArrowsAndDrops() {
        assertEquals("TERM→QUIT INT→INT", Preset.describe(Preset.UNICORN.signalMap()));
        assertEquals("HUP→drop", Preset.describe(Map.of(1, 0)));
    }
}
