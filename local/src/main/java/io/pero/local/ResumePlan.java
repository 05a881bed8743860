package io.pero.local;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run still has to do, from the pages asked for and the journal of an earlier, interrupted run with the same
 * data directory. Pure. A page confirmed as uploaded is not uploaded again: its request is still in the broker's
 * persistent store (in a stage queue or the output queue) and comes out in time.
 */
record ResumePlan(List<Pages.Page> toUpload, List<String> awaited, List<RunJournal.Finished> alreadyFinished) {

    static ResumePlan of(List<Pages.Page> pages, Set<String> uploaded, Map<String, RunJournal.Finished> finished) {
        List<Pages.Page> toUpload = pages.stream()
                .filter(p -> !finished.containsKey(p.name()) && !uploaded.contains(p.name()))
                .toList();
        List<String> awaited = pages.stream().map(Pages.Page::name).filter(n -> !finished.containsKey(n)).toList();
        List<RunJournal.Finished> done = pages.stream().map(p -> finished.get(p.name())).filter(f -> f != null).toList();
        return new ResumePlan(toUpload, awaited, done);
    }
}
