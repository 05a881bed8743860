package io.pero.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.cli.support.Zk;
import io.pero.common.config.ExitCodes;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.CertificateScript;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZooKeeper over TLS with the JKS stores {@code certs/generate.sh} makes (issue 9 item 8): the configuration tool
 * reaches the TLS client port with the CA PEM and host name verification on; without the CA it is told the port expects
 * TLS; a certificate for another host name is refused unless verification is turned off.
 */
class ServerConfigOverTlsIT {
    @TempDir
    Path tmp;

    @Test
    void toolWritesThroughTheTlsPortWithHostNamesVerified() throws Exception {
        Path certs = CertificateScript.generate(tmp.resolve("certs"));
        try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.startWithTls(EmbeddedZooKeeper.Tls.generatedIn(certs));
             CuratorFramework plain = Zk.connect(zooKeeper.connectString())) {
            Cli overTls = new Cli("localhost:" + zooKeeper.securePort());
            CliResult added = overTls.serverConfig("-e", certs.resolve("ca.pem").toString(), "--add-mq-servers", "mq1:5671");
            assertEquals(ExitCodes.OK, added.code(), added.toString());
            assertNotNull(plain.checkExists().forPath(ZkPaths.join(ZkPaths.MQ_SERVERS, "mq1:5671")), "written over TLS");

            CliResult withoutCa = new Cli("127.0.0.1:" + zooKeeper.securePort()).serverConfig("--list-mq-servers");
            assertEquals(ExitCodes.UNREACHABLE, withoutCa.code(), withoutCa.toString());
            assertTrue(withoutCa.err().contains("expects TLS (a secureClientPort): configure the CA certificate"),
                    withoutCa.toString());
        }
    }

    @Test
    void certificateForAnotherHostIsRefusedUnlessHostNameVerificationIsOff() throws Exception {
        Path certs = CertificateScript.generate(tmp.resolve("certs"), "-z", "zk.example.org");
        try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.startWithTls(EmbeddedZooKeeper.Tls.generatedIn(certs))) {
            Cli cli = new Cli("localhost:" + zooKeeper.securePort());
            String ca = certs.resolve("ca.pem").toString();
            CliResult verified = cli.serverConfig("-e", ca, "--list-mq-servers");
            assertEquals(ExitCodes.UNREACHABLE, verified.code(), verified.toString());

            CliResult unverified = cli.serverConfig("-e", ca, "--no-tls-hostname-verification", "--list-mq-servers");
            assertEquals(ExitCodes.OK, unverified.code(), unverified.toString());
        }
    }
}
