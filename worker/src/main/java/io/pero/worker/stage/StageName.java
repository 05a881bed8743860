package io.pero.worker.stage;

import io.pero.common.config.ConfigException;

/** Stage names come from ZooKeeper and become directory names: refuse any that could leave the cache directory. */
final class StageName {
    private StageName() {
    }

    static String requireSafe(String stage) {
        if (stage == null || stage.isEmpty() || stage.equals(".") || stage.equals("..")
                || stage.indexOf('/') >= 0 || stage.indexOf('\\') >= 0 || stage.indexOf('\0') >= 0) {
            throw new ConfigException("invalid stage name '" + stage + "': must be a plain queue name");
        }
        return stage;
    }
}
