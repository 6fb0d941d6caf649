package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void regionOptionWinsOverEnvironment() {
        var s = AwsSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")).withRegion("ap-northeast-1");
        assertEquals(Optional.of("ap-northeast-1"), s.explicitRegion());
    }

    @Test
    void awsRegionWinsOverAwsDefaultRegion() {
        var s = AwsSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2"));
        assertEquals(Optional.of("eu-west-1"), s.explicitRegion());
        assertEquals(Optional.of("us-west-2"),
                AwsSettings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "us-west-2")).explicitRegion());
    }

    @Test
    void noRegionLeavesItToTheSdk() {
        assertEquals(Optional.empty(), AwsSettings.fromEnvironment(Map.of()).explicitRegion());
    }

    @Test
    void serviceEndpointVariableWinsOverTheGeneralOne() {
        var env = Map.of("AWS_ENDPOINT_URL_KMS", "http://kms.local", "AWS_ENDPOINT_URL", "http://all.local");
        var s = AwsSettings.fromEnvironment(env);
        assertEquals(Optional.of("http://kms.local"), s.endpointFor("KMS"));
        assertEquals(Optional.of("http://all.local"), s.endpointFor("S3"));
        assertEquals(Optional.of("http://opt.local"), s.withEndpoint("http://opt.local").endpointFor("KMS"));
    }

    @Test
    void ignoreConfiguredEndpointsTurnsTheVariablesOff() {
        var env = Map.of("AWS_ENDPOINT_URL", "http://all.local", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertEquals(Optional.empty(), AwsSettings.fromEnvironment(env).endpointFor("S3"));
    }

    @Test
    void toStringLeavesOutTheEnvironment() {
        var s = AwsSettings.fromEnvironment(Map.of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"));
        assertFalse(s.toString().contains("wJalrXUtnFEMI"));
    }
}
