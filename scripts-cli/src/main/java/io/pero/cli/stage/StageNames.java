package io.pero.cli.stage;

import io.pero.common.config.ConfigException;
import java.nio.charset.StandardCharsets;

/** A stage name is both a znode name and a queue name, so it must be valid as both. */
final class StageNames {
    private static final int MAX_QUEUE_NAME_BYTES = 255;

    private StageNames() {
    }

    static String validate(String option, String name) {
        String why = problem(name);
        if (why != null) {
            throw new ConfigException(option + " '" + name + "': " + why);
        }
        return name;
    }

    static String problem(String name) {
        if (name.isEmpty()) {
            return "a stage name must not be empty";
        }
        if (name.contains("/")) {
            return "a stage name must not contain '/' (it is a ZooKeeper node name)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "'.' and '..' are not valid ZooKeeper node names";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_QUEUE_NAME_BYTES) {
            return "a queue name is at most 255 bytes";
        }
        if (name.startsWith("amq.")) {
            return "queue names starting with 'amq.' are reserved by RabbitMQ";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "control characters are not allowed";
        }
        return null;
    }
}
