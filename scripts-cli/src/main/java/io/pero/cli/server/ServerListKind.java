package io.pero.cli.server;

import io.pero.common.zk.ZkPaths;

/** The three server lists in ZooKeeper (spec §3.1): children named {@code host[:port]}, empty data. */
public enum ServerListKind {
    MQ("mq", ZkPaths.MQ_SERVERS, "MQ server list"),
    FTP("ftp", ZkPaths.FTP_SERVERS, "FTP server list"),
    MONITORING("monitoring", ZkPaths.MQ_MONITORING_SERVERS, "Monitoring server list");

    private final String optionWord;
    private final String path;
    private final String title;

    ServerListKind(String optionWord, String path, String title) {
        this.optionWord = optionWord;
        this.path = path;
        this.title = title;
    }

    public String path() {
        return path;
    }

    /** The heading the original prints before the list, e.g. {@code MQ server list:}. */
    public String title() {
        return title;
    }

    public String addOption() {
        return "--add-" + optionWord + "-servers";
    }

    public String removeOption() {
        return "--rm-" + optionWord + "-servers";
    }
}
