package io.pero.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the AMQP broker for the fault suite. The RabbitMQ way is {@code rabbitmqctl stop_app} then {@code start_app}
 * (the node's Erlang VM stays up; durable queues and persistent messages survive), which needs rabbitmqctl on this
 * machine and the rights to use it (root or the rabbitmq user). Callers wait for the vhost to answer afterwards.
 */
interface BrokerRestart {
    /** Stops and starts the broker; returns when the start command has returned. */
    void restart() throws Exception;

    /** What this restart does, for the report. */
    String describe();

    /** No restart, with the reason (printed in the report). */
    static BrokerRestart none(String reason) {
        return new BrokerRestart() {
            @Override
            public void restart() {
            }

            @Override
            public String describe() {
                return "skipped: " + reason;
            }
        };
    }

    /** {@code rabbitmqctl stop_app} / {@code start_app} / {@code await_startup} on the local node. */
    static BrokerRestart rabbitmqctl(String command) {
        return new BrokerRestart() {
            @Override
            public void restart() throws IOException, InterruptedException {
                try {
                    run(command, "stop_app");
                } finally {
                    // Whatever happened to stop_app, the broker must be left running.
                    run(command, "start_app");
                    run(command, "await_startup");
                }
            }

            @Override
            public String describe() {
                return command + " stop_app/start_app";
            }
        };
    }

    /** Whether {@code rabbitmqctl status} works here (installed, and we may talk to the node). */
    static boolean rabbitmqctlWorks(String command) {
        try {
            run(command, "-q", "status");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String command, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Duration limit = Duration.ofSeconds(120);
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within " + limit.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            throw new IOException(String.join(" ", cmd) + " failed with exit " + p.exitValue() + ": " + output);
        }
    }
}
