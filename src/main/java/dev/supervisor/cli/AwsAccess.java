package dev.supervisor.cli;

import dev.supervisor.aws.AwsServices;
import dev.supervisor.aws.AwsSettings;

/**
 * AWS for one command run, built on first use: a run whose secrets need neither KMS nor S3 never
 * creates {@link AwsServices}, so the SDK's classes are never loaded (start-up time, native image size).
 */
final class AwsAccess implements AutoCloseable {
    private final AwsSettings settings;
    private AwsServices services;

    AwsAccess(AwsSettings settings) {
        this.settings = settings;
    }

    synchronized AwsServices services() {
        if (services == null) services = new AwsServices(settings);
        return services;
    }

    @Override
    public synchronized void close() {
        if (services != null) services.close();
    }
}
