package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Orphans of the app are reaped: by the supervisor as PID 1, and as a child subreaper elsewhere. */
class ReapingTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    /** Prints how many zombies this PID namespace holds (state Z in /proc/PID/stat). */
    private static final String COUNT_ZOMBIES = """
            zombies() {
              local n=0 line
              for stat in /proc/[0-9]*/stat; do
                read -r line < "$stat" 2>/dev/null || continue
                line=${line##*) }
                [ "${line:0:1}" = Z ] && n=$((n + 1))
              done
              echo $n
            }
            """;

    @TempDir
    Path dir;

    /** The child itself looks for zombies from inside the namespace, waiting up to 20 s for them to go. */
    @Test
    void asPidOneThousandOrphanedGrandchildrenLeaveNoZombie() throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", COUNT_ZOMBIES + """
                for i in $(seq 1000); do (sleep 0.01 &); done
                for attempt in $(seq 200); do
                  [ "$(zombies)" = 0 ] && break
                  sleep 0.1
                done
                echo "parent $PPID zombies $(zombies)" > %s
                """.formatted(dir.resolve("result")));
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).asPidOneOfNewNamespace().run("run", "--", child.toString())) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals("parent 1 zombies 0", Eventually.text(dir.resolve("result")));
        }
    }

    /**
     * The orphan's parent dies at once, so the kernel hands it to the nearest subreaper. /proc/PID
     * disappears only when a zombie is reaped, so "gone" proves the supervisor called waitpid for it.
     */
    @Test
    void asChildSubreaperOrphansBecomeTheSupervisorsAndAreReaped() throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", """
                cd %s
                bash -c 'sleep 300 & echo $! > orphan.pid'
                orphan=$(cat orphan.pid)
                read -r stat < /proc/$orphan/stat; fields=(${stat##*) }); echo ${fields[1]} > orphan.ppid
                kill $orphan
                for attempt in $(seq 200); do [ -e /proc/$orphan ] || break; sleep 0.05; done
                if [ -e /proc/$orphan ]; then echo still-there > orphan.fate; else echo reaped > orphan.fate; fi
                """.formatted(dir));
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--", child.toString())) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(Integer.toString(supervisor.pid()), Eventually.text(dir.resolve("orphan.ppid")));
            assertEquals("reaped", Eventually.text(dir.resolve("orphan.fate")));
        }
    }
}
