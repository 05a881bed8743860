package io.pero.bench;

import io.pero.common.net.ServerAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One pipeline benchmark run.
 *
 * @param messages     requests pushed through both stages
 * @param size         bytes of the input file in each request (the request itself is a little larger)
 * @param workers      in-JVM workers, split between the two stages
 * @param prefetch     worker prefetch; empty = the worker's default
 * @param zookeeper    external ZooKeeper; empty = start an embedded one
 * @param mq           the broker (guest/guest, vhost pero)
 * @param stallTimeout fail when the output count does not grow for this long
 * @param preload      upload all requests before timing and leave results in the output queue, instead of a closed loop
 */
record PipelineParams(int messages, int size, int workers, Optional<Integer> prefetch, Optional<String> zookeeper,
                      ServerAddress mq, Duration stallTimeout, boolean preload) {

    PipelineParams {
        if (messages < 1 || size < 0 || workers < 2) {
            throw new IllegalArgumentException("need --messages >= 1, --size >= 0 and --workers >= 2 (one per stage at least)");
        }
        prefetch.filter(p -> p < 1).ifPresent(p -> {
            throw new IllegalArgumentException("--prefetch must be >= 1, got " + p);
        });
    }

    /** Workers on the first stage; the first gets the odd one, as it also carries the ramp-up. */
    int workersOnStage1() {
        return (workers + 1) / 2;
    }

    int workersOnStage2() {
        return workers / 2;
    }
}
