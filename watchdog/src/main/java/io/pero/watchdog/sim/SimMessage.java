package io.pero.watchdog.sim;

/** One task: its arrival, the stages it visits (as indexes) with the seconds each takes, and how far it has come. */
final class SimMessage {
    final double arrival;
    final int[] path;
    final double[] costs;
    private int next;

    SimMessage(double arrival, int[] path, double[] costs) {
        this.arrival = arrival;
        this.path = path;
        this.costs = costs;
    }

    int currentStage() {
        return path[next];
    }

    double currentCost() {
        return costs[next];
    }

    /** Moves past the current stage; false when the task is finished. */
    boolean advance() {
        next++;
        return next < path.length;
    }

    double totalCost() {
        double sum = 0;
        for (double c : costs) {
            sum += c;
        }
        return sum;
    }
}
