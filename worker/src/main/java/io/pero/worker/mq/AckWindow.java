package io.pero.worker.mq;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which acks of one channel can go out together. {@code basic.ack multiple=true} settles every unacknowledged delivery
 * up to a tag, so it may only cover a run of taken deliveries that are all ready to be acked: one still waiting for
 * its publish confirm, or one deliberately left unacked for redelivery, ends the run. Ready deliveries behind such a
 * gap are acked one by one, so they never wait for a slower neighbour. Deliveries are taken in tag order (a channel's
 * tags grow and the processing thread takes them first in, first out). Pure, not thread-safe.
 */
final class AckWindow {
    private enum State { PENDING, READY, HELD }

    /** What to send now: one ack covering {@code run} (consecutive, ascending), then one ack per single. */
    record Acks(List<Long> run, List<Long> singles) {
        static final Acks NONE = new Acks(List.of(), List.of());

        boolean isEmpty() {
            return run.isEmpty() && singles.isEmpty();
        }
    }

    private final TreeMap<Long, State> taken = new TreeMap<>();

    /** A delivery was taken for processing; it is settled later. */
    void taken(long tag) {
        taken.put(tag, State.PENDING);
    }

    /** Its publish is confirmed: it may be acked. False when the tag is unknown (the caller acks it alone). */
    boolean ready(long tag) {
        return taken.replace(tag, State.PENDING, State.READY);
    }

    /** Settled without an ack (nacked); nothing covers it any more. */
    void settledOtherwise(long tag) {
        taken.remove(tag);
    }

    /** Left unacked on purpose, for the broker to redeliver: no multiple ack may cover it. */
    void held(long tag) {
        taken.replace(tag, State.HELD);
    }

    /** Forgets every tag (the channel they belong to is gone) and returns those that were ready. */
    List<Long> clear() {
        List<Long> ready = new ArrayList<>();
        taken.forEach((tag, state) -> {
            if (state == State.READY) {
                ready.add(tag);
            }
        });
        taken.clear();
        return ready;
    }

    /** Takes what can be acked now out of the window. */
    Acks drain() {
        List<Long> run = new ArrayList<>();
        List<Long> singles = new ArrayList<>();
        boolean inRun = true;
        Iterator<Map.Entry<Long, State>> it = taken.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, State> e = it.next();
            if (e.getValue() != State.READY) {
                inRun = false;
                continue;
            }
            (inRun ? run : singles).add(e.getKey());
            it.remove();
        }
        return run.isEmpty() && singles.isEmpty() ? Acks.NONE : new Acks(run, singles);
    }

    int size() {
        return taken.size();
    }
}
