package io.pero.common.mq.depth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue list with fresh ready counts: the listing (management API, or AMQP when it is down) gives every queue and the
 * messages workers hold unacknowledged; AMQP passive declares give each stage queue's ready count as of now. The
 * management API refreshes its figures only every few seconds ({@code collect_statistics_interval}), long enough for a fast
 * stage to drain or fill unnoticed; the ready count is what decides whether a stage still has work waiting.
 */
public final class FreshQueueDepths implements QueueDepthSource {
    private final QueueDepthSource listing;
    private final QueueDepthSource fresh;

    public FreshQueueDepths(QueueDepthSource listing, QueueDepthSource fresh) {
        this.listing = listing;
        this.fresh = fresh;
    }

    @Override
    public List<QueueDepth> read(List<String> stages) throws IOException {
        List<QueueDepth> listed = listing.read(stages);
        Map<String, QueueDepth> now = fresh.read(stages).stream()
                .collect(Collectors.toMap(QueueDepth::name, Function.identity(), (a, b) -> a));
        return merge(listed, now);
    }

    /** Fresh ready count plus the listing's unacknowledged count, for every queue the fresh read saw. */
    static List<QueueDepth> merge(List<QueueDepth> listed, Map<String, QueueDepth> fresh) {
        List<QueueDepth> merged = new ArrayList<>(listed.size());
        for (QueueDepth q : listed) {
            QueueDepth f = fresh.get(q.name());
            merged.add(f == null ? q : new QueueDepth(q.name(), f.ready() + q.unacknowledged(), f.ready()));
        }
        return merged;
    }

    @Override
    public void close() {
        listing.close();
        fresh.close();
    }
}
