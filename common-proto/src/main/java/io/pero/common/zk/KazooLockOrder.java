package io.pero.common.zk;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a kazoo lock, decided from the child names alone (kazoo {@code Lock._get_predecessor}). Contenders are the
 * children whose name ends in {@code __lock__} or {@code __rlock__} followed by the sequence number ZooKeeper appended;
 * anything else (a lease, stray nodes) is ignored. Sequences compare as text, as kazoo compares them, which equals
 * numeric order for ZooKeeper's zero-padded ten digits.
 */
final class KazooLockOrder {
    static final String LOCK_MARKER = "__lock__";
    private static final Pattern CONTENDER = Pattern.compile("(?:__lock__|__rlock__)(-?\\d{10})$");

    /** The answer for one contender: does it hold the lock, and if not, which child must go first. */
    record Decision(boolean present, Optional<String> predecessor) {
        boolean holdsLock() {
            return present && predecessor.isEmpty();
        }
    }

    private KazooLockOrder() {
    }

    /**
     * Decides for {@code ourNode} (a child name, not a path) among {@code children}. Not {@code present} means our node
     * is gone, for example because our session expired.
     */
    static Decision decide(Collection<String> children, String ourNode) {
        Optional<String> ourSequence = sequence(ourNode);
        if (ourSequence.isEmpty()) {
            throw new IllegalArgumentException("'" + ourNode + "' is not a kazoo lock node name");
        }
        boolean present = false;
        String predecessor = null;
        String predecessorSequence = null;
        for (String child : children) {
            if (child.equals(ourNode)) {
                present = true;
                continue;
            }
            Optional<String> seq = sequence(child);
            if (seq.isEmpty() || seq.get().compareTo(ourSequence.get()) >= 0) {
                continue;
            }
            if (predecessorSequence == null || seq.get().compareTo(predecessorSequence) > 0) {
                predecessor = child;
                predecessorSequence = seq.get();
            }
        }
        return new Decision(present, Optional.ofNullable(predecessor));
    }

    /** The sequence part of a contender's name, empty for a name that is no contender. */
    static Optional<String> sequence(String child) {
        Matcher m = CONTENDER.matcher(child);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
