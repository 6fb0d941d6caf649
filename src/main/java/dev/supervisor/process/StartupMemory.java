package dev.supervisor.process;

/**
 * Gives back what start-up used (YAML trees, the AWS SDK, JIT work) once the child runs: the supervisor
 * then idles for the container's whole life, so its resident memory is what every task pays. A full GC
 * shrinks the heap, and malloc_trim returns freed native memory to the kernel.
 */
final class StartupMemory {
    private StartupMemory() {}

    static void release() {
        System.gc();
        LibC.INSTANCE.malloc_trim(0);
    }
}
