package io.pero.cli.support;

import io.pero.cli.publish.PublisherMain;
import io.pero.cli.server.ServerConfigMain;
import io.pero.cli.stage.StageConfigMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the tools in-process against one ZooKeeper, capturing stdout and stderr. */
public final class Cli {
    private final String zookeeper;

    public Cli(String zookeeper) {
        this.zookeeper = zookeeper;
    }

    private interface Tool {
        int run(PrintStream out, PrintStream err, String[] args);
    }

    public CliResult serverConfig(String... args) {
        return capture(ServerConfigMain::run, args);
    }

    public CliResult stageConfig(String... args) {
        return capture(StageConfigMain::run, args);
    }

    public CliResult publisher(String... args) {
        return publisher(new CountDownLatch(1), args);
    }

    public CliResult publisher(CountDownLatch stop, String... args) {
        return capture((out, err, a) -> PublisherMain.run(out, err, stop, a), args);
    }

    public CliResult mqConfig(String... args) {
        return capture(io.pero.cli.mq.MqConfigMain::run, args);
    }

    public CliResult load(String... args) {
        return capture(io.pero.cli.load.LoadMain::run, args);
    }

    private CliResult capture(Tool tool, String... args) {
        List<String> all = new ArrayList<>(List.of("-z", zookeeper, "--connect-timeout", "5"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = tool.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
