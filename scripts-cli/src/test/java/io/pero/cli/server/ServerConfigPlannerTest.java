package io.pero.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigPlannerTest {
    private static ServerConfigPlanner.Request mq(List<String> rm, List<String> add, boolean list) {
        return new ServerConfigPlanner.Request(ServerListKind.MQ, rm, add, list);
    }

    @Test
    void entriesBecomeZnodeNamesAsTheOriginalBuildsThem() {
        List<ServerListChange> plan = ServerConfigPlanner.plan(List.of(mq(null,
                List.of("rabbit1:5672", "10.0.0.1", "[::1]:5671", "fe80::1", "mq.example.org:65535", "rabbit1:5672"), false)));
        assertEquals(List.of("rabbit1:5672", "10.0.0.1", "[::1]:5671", "fe80::1", "mq.example.org:65535"), plan.get(0).add());
    }

    @Test
    void commaSeparatedValuesAreSplit() {
        List<ServerListChange> plan = ServerConfigPlanner.plan(List.of(mq(List.of("a:1,b:2"), null, false)));
        assertEquals(List.of("a:1", "b:2"), plan.get(0).remove());
    }

    @Test
    void allRemovesEverything() {
        ServerListChange change = ServerConfigPlanner.plan(List.of(mq(List.of("all"), List.of("x:1"), true))).get(0);
        assertTrue(change.removeAll());
        assertEquals(List.of("x:1"), change.add());
        assertTrue(change.list());
    }

    @Test
    void everyBadEntryIsNamedAndTheWholeRunIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfigPlanner.plan(List.of(
                mq(null, List.of("good:1", "bad host:1", "x:99999"), false),
                new ServerConfigPlanner.Request(ServerListKind.FTP, List.of("all", "y"), null, false))));
        assertTrue(e.getMessage().contains("--add-mq-servers"), e.getMessage());
        assertTrue(e.getMessage().contains("'bad host:1'"), e.getMessage());
        assertTrue(e.getMessage().contains("'x:99999'"), e.getMessage());
        assertTrue(e.getMessage().contains("--rm-ftp-servers: 'all' must be the only value"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was changed"), e.getMessage());
    }

    @Test
    void listsWithNothingToDoAreLeftOut() {
        assertEquals(List.of(), ServerConfigPlanner.plan(List.of(mq(null, null, false),
                new ServerConfigPlanner.Request(ServerListKind.MONITORING, List.of(), List.of(), false))));
    }
}
