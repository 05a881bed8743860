package io.pero.cli.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.common.config.ExitCodes;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.testing.TestBroker;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * pero-mq-config against the shared broker's management API. Only uniquely named users and vhosts are created, and
 * every one is deleted again; the test checks the effect as a user would: can the new user log in to the new vhost?
 */
class MqConfigIT {
    @Test
    void createsAVhostAUserWithAccessThatCanLogInThenDeletesThemAgain() throws Exception {
        TestBroker broker = TestBroker.get();
        assumeTrue(broker.managementPort() > 0, "needs the RabbitMQ management API");
        String vhost = TestBroker.uniqueName("it-vhost");
        String user = TestBroker.uniqueName("it-user");
        String password = UUID.randomUUID().toString();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(0)) {
            Cli cli = new Cli(zk.connectString());
            assertEquals(ExitCodes.OK, cli.serverConfig("--add-monitoring-servers",
                    broker.host() + ":" + broker.managementPort()).code());
            String[] admin = {"--mq-user", broker.username(), "--mq-password", broker.password()};
            try {
                CliResult created = cli.mqConfig(concat(admin, "-o", vhost, "-r", "it vhost", "-a", user, password,
                        "-t", "monitoring", "-v", vhost, "-i", "-g", user));
                assertEquals(ExitCodes.OK, created.code(), created.toString());
                assertTrue(created.out().lines().anyMatch(vhost::equals), created.out());
                assertTrue(created.out().contains(user + "\ttags=monitoring"), created.out());
                try (Connection c = connect(broker, user, password, vhost)) {
                    assertTrue(c.isOpen(), "the new user logs in to the new vhost");
                }

                CliResult kept = cli.mqConfig(concat(admin, "-a", user, "-t", "management", "-g", user));
                assertEquals(ExitCodes.OK, kept.code(), kept.toString());
                assertTrue(kept.out().contains(user + "\ttags=management"), kept.out());
                try (Connection c = connect(broker, user, password, vhost)) {
                    assertTrue(c.isOpen(), "updating tags without a password keeps the password");
                }

                CliResult deleted = cli.mqConfig(concat(admin, "-d", "-a", user, "-v", vhost, "-o", vhost, "-g", user));
                assertEquals(ExitCodes.OK, deleted.code(), deleted.toString());
                assertTrue(deleted.out().contains(user + "\tno such user"), deleted.out());
                assertThrows(Exception.class, () -> connect(broker, user, password, vhost).close());
            } finally {
                cli.mqConfig(concat(admin, "-d", "-a", user));
                cli.mqConfig(concat(admin, "-d", "-o", vhost));
            }
            CliResult unknownTag = cli.mqConfig(concat(admin, "-a", user, password, "-t", "root"));
            assertEquals(ExitCodes.BAD_CONFIG, unknownTag.code(), unknownTag.toString());
        }
    }

    private static Connection connect(TestBroker broker, String user, String password, String vhost) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(broker.host());
        f.setPort(broker.port());
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost);
        f.setAutomaticRecoveryEnabled(false);
        return f.newConnection("mq-config-it");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
