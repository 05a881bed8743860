package io.pero.worker.zk;

import java.util.Optional;

/** What the worker hears from ZooKeeper about its own record. Called on Curator threads: hand the work off quickly. */
public interface AssignmentListener {

    /**
     * The {@code queue} znode holds {@code stage} (trimmed; empty = none) at znode {@code version}; empty {@code stage}
     * with version -1 when the node was deleted.
     */
    void queueAssigned(String stage, int version);

    /** The {@code enabled} znode changed; empty when the node was deleted. */
    void enabledChanged(Optional<String> value);

    /** The session is back after SUSPENDED or LOST; events in between may be missing. */
    void reconnected();
}
