package io.pero.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import io.pero.testing.TestBroker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite (issue 9): tagged {@code faults}, left out of {@code mvn verify} (it restarts the broker),
 * run by {@code .ci/run}. By default at the size the target names (2,000 requests, 8 kills, plus one broker,
 * ZooKeeper and SFTP outage each): the run takes as long as a 300-request one, since the outages, not the requests, set
 * its length, and duplicates come per fault, not per request, so a smaller run only inflates their percentage (a
 * 300-request run with 1.67 % = 5 duplicates failed the 1 % bound that 2,000 requests with the same faults keep at
 * about 0.1 %). {@code bin/pero-bench faults} runs the same suite from the command line. The report goes to stdout and
 * to {@code target/faults-report.txt}.
 */
@Tag("faults")
class FaultSuiteIT {
    @Test
    void everyRequestReachesTheOutputOnceThroughKillsAndBrokerZooKeeperAndSftpOutages() throws Exception {
        TestBroker broker = TestBroker.get();
        broker.assumeRabbitMq("the fault suite restarts the broker with rabbitmqctl and reads the management API");
        BrokerRestart restart;
        boolean local = broker.host().equals("127.0.0.1") || broker.host().equals("localhost");
        if (local && BrokerRestart.rabbitmqctlWorks("rabbitmqctl")) {
            restart = BrokerRestart.rabbitmqctl("rabbitmqctl");
        } else {
            restart = BrokerRestart.none("rabbitmqctl does not work here (not root, or the broker is not on this machine)");
        }
        Optional<ServerAddress> management = broker.managementPort() > 0
                ? Optional.of(ServerListParser.parseOne(broker.host() + ":" + broker.managementPort())) : Optional.empty();
        FaultSuite.Params params = new FaultSuite.Params(Integer.getInteger("pero.faults.requests", 2000),
                Integer.getInteger("pero.faults.kills", 8), Integer.getInteger("pero.faults.workers", 4),
                Integer.getInteger("pero.faults.ms", 10), restart, management, Duration.ofSeconds(3), Duration.ofSeconds(12),
                Duration.ofSeconds(10), Duration.ofSeconds(Integer.getInteger("pero.faults.drain", 150)),
                Long.getLong("pero.faults.seed", System.nanoTime()), 1.0,
                Boolean.getBoolean("pero.faults.keepLogs"));
        PrintWriter out = new PrintWriter(System.out, true);
        FaultSuite.Result result = FaultSuite.run(ServerListParser.parseOne(broker.host() + ":" + broker.port()), params, out);
        String report = String.join("\n", result.report()) + "\n";
        out.print(report);
        out.flush();
        Files.writeString(Path.of("target", "faults-report.txt"), report, StandardCharsets.UTF_8);
        assertTrue(result.passes(), report);
    }
}
