package io.pero.cli.server;

import java.util.List;

/**
 * What to do to one server list, in the original's order: remove (every child when {@code removeAll}), add, list.
 * Names are znode child names ({@code ServerAddress.znodeName()}).
 */
public record ServerListChange(ServerListKind kind, boolean removeAll, List<String> remove, List<String> add, boolean list) {
    public ServerListChange {
        remove = List.copyOf(remove);
        add = List.copyOf(add);
    }

    public boolean writes() {
        return removeAll || !remove.isEmpty() || !add.isEmpty();
    }
}
