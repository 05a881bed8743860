package io.pero.cli.stage;

import java.util.List;
import java.util.Optional;

/** The steps of one run, warnings for the user, and what to show afterwards. */
public record StagePlan(List<StageStep> steps, List<String> warnings, Optional<String> show, boolean list) {
    public StagePlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean touchesQueues() {
        return steps.stream().anyMatch(s -> s instanceof StageStep.DeclareQueue || s instanceof StageStep.DeleteQueue);
    }
}
