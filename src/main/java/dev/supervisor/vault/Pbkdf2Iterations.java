package dev.supervisor.vault;

/** ActiveSupport::KeyGenerator's iteration count (2**16), fixed in every version yaml_vault supports. */
final class Pbkdf2Iterations {
    static final int ACTIVE_SUPPORT = 1 << 16;

    private Pbkdf2Iterations() {}
}
