package io.pero.cli.server;

import io.pero.common.config.ConfigException;
import io.pero.common.net.ServerAddress;
import io.pero.common.net.ServerListParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns the command-line values into {@link ServerListChange}s, validating every entry before anything is written.
 * Pure: no ZooKeeper here.
 */
public final class ServerConfigPlanner {
    /** The values given for one list; {@code remove} and {@code add} are empty when the option is absent. */
    public record Request(ServerListKind kind, List<String> remove, List<String> add, boolean list) {
        public Request {
            remove = remove == null ? List.of() : List.copyOf(remove);
            add = add == null ? List.of() : List.copyOf(add);
        }
    }

    static final String ALL = "all";

    private ServerConfigPlanner() {
    }

    /**
     * One change per list that has something to do, in the order MQ, FTP, monitoring.
     *
     * @throws ConfigException naming every bad entry and the option it came from; then nothing may be written
     */
    public static List<ServerListChange> plan(List<Request> requests) {
        List<String> errors = new ArrayList<>();
        List<ServerListChange> changes = new ArrayList<>();
        for (Request r : requests) {
            boolean removeAll = r.remove().stream().anyMatch(v -> v.strip().equalsIgnoreCase(ALL));
            if (removeAll && r.remove().size() > 1) {
                // Differs from the original: 'all' among other names is rejected instead of deleting a node named 'all'.
                errors.add(r.kind().removeOption() + ": 'all' must be the only value");
            }
            List<String> remove = removeAll ? List.of() : znodeNames(r.kind().removeOption(), r.remove(), errors);
            List<String> add = znodeNames(r.kind().addOption(), r.add(), errors);
            ServerListChange change = new ServerListChange(r.kind(), removeAll, remove, add, r.list());
            if (change.writes() || change.list()) {
                changes.add(change);
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("server config: " + String.join("; ", errors) + "; nothing was changed");
        }
        return changes;
    }

    private static List<String> znodeNames(String option, List<String> values, List<String> errors) {
        ServerListParser.Result parsed = ServerListParser.parse(values);
        parsed.errors().forEach(e -> errors.add(option + ": " + e));
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ServerAddress server : parsed.servers()) {
            names.add(server.znodeName());
        }
        return List.copyOf(names);
    }
}
