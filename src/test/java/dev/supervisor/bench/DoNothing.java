package dev.supervisor.bench;

/**
 * The baseline for {@link Pbkdf2Keys}: a JVM that starts with the same class path and exits. The
 * difference between the two whole-process times is what deriving yaml_vault's keys costs a fresh JVM
 * (cold JIT included), which is what every container start pays.
 */
public final class DoNothing {
    private DoNothing() {}

    public static void main(String[] args) {
        // Intentionally empty.
    }
}
