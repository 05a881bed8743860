package io.pero.cli;

import io.pero.common.config.ExitCodes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar scripts-cli.jar TOOL ARGS...}: one entry point for every tool of this module, for when the
 * {@code bin/pero-*} launchers are not at hand. Each tool's {@code run(String...)} does the work.
 */
public final class PeroCli {
    private static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("publisher", "io.pero.cli.publish.PublisherMain");
        TOOLS.put("stage-config", "io.pero.cli.stage.StageConfigMain");
        TOOLS.put("server-config", "io.pero.cli.server.ServerConfigMain");
        TOOLS.put("controller", "io.pero.cli.control.ControllerMain");
        TOOLS.put("dev-services", "io.pero.cli.devservices.DevServicesMain");
        TOOLS.put("mq-config", "io.pero.cli.mq.MqConfigMain");
        TOOLS.put("load", "io.pero.cli.load.LoadMain");
        TOOLS.put("stats", "io.pero.cli.stats.StatsMain");
    }

    private PeroCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (args.length == 0 || !TOOLS.containsKey(args[0])) {
            System.err.println("error: pero: " + (args.length == 0 ? "no tool given" : "unknown tool '" + args[0] + "'")
                    + "; usage: pero TOOL [ARGS...] with TOOL one of " + String.join(", ", TOOLS.keySet()));
            return ExitCodes.USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Method run = Class.forName(TOOLS.get(args[0])).getMethod("run", String[].class);
            return (Integer) run.invoke(null, (Object) rest);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            System.err.println("error: pero: tool '" + args[0] + "' is not available in this build: " + e);
            return ExitCodes.FAILED;
        } catch (InvocationTargetException e) {
            System.err.println("error: pero " + args[0] + ": " + e.getCause());
            return ExitCodes.FAILED;
        }
    }
}
