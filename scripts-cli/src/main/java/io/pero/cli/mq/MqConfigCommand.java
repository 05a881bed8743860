package io.pero.cli.mq;

import io.pero.cli.CliCommand;
import io.pero.cli.ToolConnectionOptions;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.management.Json;
import io.pero.common.net.ServerAddress;
import io.pero.common.zk.CuratorClients;
import io.pero.common.zk.ZkPaths;
import io.pero.common.zk.ZkSettings;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pero-mq-config}: RabbitMQ users, virtual hosts and permissions via the management API (spec §9.4). */
@Command(name = "pero-mq-config", usageHelpAutoWidth = true,
        description = "Creates and deletes RabbitMQ users, virtual hosts and permissions through the management API of "
                + "every monitoring server registered in ZooKeeper (mq_server_config_manager.py). Order: vhost, user, "
                + "permission; with -d the reverse. Then the lists.")
public final class MqConfigCommand extends CliCommand {
    static final int MANAGEMENT_PORT = 15672;
    private static final Set<String> TAGS = Set.of("administrator", "monitoring", "management");
    private static final Logger log = LoggerFactory.getLogger(MqConfigCommand.class);

    @Spec
    CommandSpec spec;
    @Mixin
    ToolConnectionOptions connection;
    @Option(names = "--mq-user", paramLabel = "USER", defaultValue = "${env:PERO_MQ_USER}",
            description = "Management API user, instead of -u (env PERO_MQ_USER).")
    String mqUser;
    @Option(names = "--mq-password", paramLabel = "PASSWORD", defaultValue = "${env:PERO_MQ_PASSWORD}",
            description = "Its password (env PERO_MQ_PASSWORD).")
    String mqPassword;
    @Option(names = {"-d", "--delete"}, description = "Delete what -a, -v and -o name instead of creating it.")
    boolean delete;
    @Option(names = {"-a", "--add-user"}, arity = "1..2", paramLabel = "NAME [PASSWORD]",
            description = "Create or update a user (password required for a new user; an existing one keeps its password "
                    + "when none is given).")
    List<String> addUser;
    @Option(names = {"-t", "--tags"}, arity = "1..*", paramLabel = "TAG",
            description = "Tags for -a: administrator, monitoring, management.")
    List<String> tags = new ArrayList<>();
    @Option(names = {"-v", "--virtual-host-access"}, paramLabel = "VHOST",
            description = "With -a: full permissions (configure, write, read '.*') on VHOST.")
    String vhostAccess;
    @Option(names = {"-o", "--add-virtual-host"}, paramLabel = "VHOST", description = "Create a virtual host.")
    String addVhost;
    @Option(names = {"-r", "--virtual-host-description"}, paramLabel = "TEXT", defaultValue = "",
            description = "Description for -o.")
    String vhostDescription;
    @Option(names = {"-s", "--list-users"}, description = "Print the users and their tags.")
    boolean listUsers;
    @Option(names = {"-i", "--list-virtual-hosts"}, description = "Print the virtual hosts.")
    boolean listVhosts;
    @Option(names = {"-g", "--get-user-info"}, arity = "1..*", paramLabel = "USER", description = "Print these users' records.")
    List<String> userInfo = new ArrayList<>();

    private final PrintStream out;

    public MqConfigCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        ManagementClient api = client();
        if (!delete) {
            if (addVhost != null) {
                api.write("PUT", "/api/vhosts/" + enc(addVhost), "{\"description\":" + Json.quote(vhostDescription) + "}");
                log.info("vhost created vhost={}", addVhost);
            }
            if (addUser != null) {
                putUser(api);
                if (vhostAccess != null) {
                    api.write("PUT", "/api/permissions/" + enc(vhostAccess) + "/" + enc(addUser.get(0)),
                            "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
                    log.info("permissions set user={} vhost={}", addUser.get(0), vhostAccess);
                }
            }
        } else {
            if (addUser != null && vhostAccess != null) {
                api.write("DELETE", "/api/permissions/" + enc(vhostAccess) + "/" + enc(addUser.get(0)), null);
                log.info("permissions deleted user={} vhost={}", addUser.get(0), vhostAccess);
            }
            if (addUser != null) {
                api.write("DELETE", "/api/users/" + enc(addUser.get(0)), null);
                log.info("user deleted user={}", addUser.get(0));
            }
            if (addVhost != null) {
                api.write("DELETE", "/api/vhosts/" + enc(addVhost), null);
                log.info("vhost deleted vhost={}", addVhost);
            }
        }
        if (listUsers) {
            for (Object u : list(api.read("/api/users").orElse("[]"))) {
                Map<?, ?> user = (Map<?, ?>) u;
                out.println(user.get("name") + "\t" + tagsOf(user.get("tags")));
            }
        }
        if (listVhosts) {
            for (Object v : list(api.read("/api/vhosts").orElse("[]"))) {
                out.println(((Map<?, ?>) v).get("name"));
            }
        }
        for (String user : userInfo) {
            Optional<String> body = api.read("/api/users/" + enc(user));
            out.println(body.map(b -> {
                Map<?, ?> u = (Map<?, ?>) Json.parse(b);
                return u.get("name") + "\ttags=" + tagsOf(u.get("tags"));
            }).orElse(user + "\tno such user"));
        }
        return ExitCodes.OK;
    }

    private void validate() {
        boolean anything = addUser != null || addVhost != null || listUsers || listVhosts || !userInfo.isEmpty();
        if (!anything) {
            throw new ParameterException(spec.commandLine(), "nothing to do: give -a, -o, -s, -i or -g");
        }
        if (vhostAccess != null && addUser == null) {
            throw new ParameterException(spec.commandLine(), "-v/--virtual-host-access needs -a/--add-user");
        }
        for (String tag : tags) {
            if (!TAGS.contains(tag)) {
                throw new ConfigException("--tags " + tag + ": must be one of administrator, monitoring, management");
            }
        }
        if (mqUser != null && mqPassword == null) {
            throw new ConfigException("--mq-user " + mqUser + " needs --mq-password (or env PERO_MQ_PASSWORD)");
        }
    }

    private void putUser(ManagementClient api) {
        String name = addUser.get(0);
        Optional<String> existing = api.read("/api/users/" + enc(name));
        StringBuilder body = new StringBuilder("{");
        if (addUser.size() > 1) {
            body.append("\"password\":").append(Json.quote(addUser.get(1)));
        } else if (existing.isPresent()) {
            // The original re-sent the stored hash; a PUT without password or hash would clear the password.
            Map<?, ?> user = (Map<?, ?>) Json.parse(existing.get());
            body.append("\"password_hash\":").append(Json.quote(String.valueOf(user.get("password_hash"))))
                    .append(",\"hashing_algorithm\":").append(Json.quote(String.valueOf(user.get("hashing_algorithm"))));
        } else {
            throw new ConfigException("--add-user " + name + ": a new user needs a password (-a NAME PASSWORD)");
        }
        body.append(",\"tags\":").append(Json.quote(String.join(",", tags))).append('}');
        api.write("PUT", "/api/users/" + enc(name), body.toString());
        log.info("user {} user={} tags={}", existing.isPresent() ? "updated" : "created", name, tags);
    }

    private ManagementClient client() throws Exception {
        ZkSettings settings = connection.zkSettings();
        List<ServerAddress> servers;
        try (CuratorFramework zk = CuratorClients.startAndWait(settings, settings.connectionTimeout())) {
            servers = new ZkNodes(zk).servers(ZkPaths.MQ_MONITORING_SERVERS);
        }
        if (servers.isEmpty()) {
            throw new ServiceUnavailableException("no RabbitMQ management server registered in ZooKeeper at "
                    + ZkPaths.MQ_MONITORING_SERVERS + " (add one with pero-server-config --add-monitoring-servers HOST:15672)");
        }
        // Differs from the original: http unless a CA is given (it always used https), as pero-controller -q does.
        String scheme = connection.credentials().caCert().isPresent() ? "https" : "http";
        List<String> bases = servers.stream().map(s -> scheme + "://" + s.hostPort(MANAGEMENT_PORT)).toList();
        String user = mqUser != null ? mqUser : connection.credentials().username().orElse("guest");
        String password = mqUser != null ? mqPassword : connection.credentials().password().revealOr("guest");
        return new ManagementClient(bases, user, password, connection.credentials().caCert(), Duration.ofSeconds(10));
    }

    private static List<?> list(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof List<?> l)) {
            throw new IllegalStateException("management API answered a non-list: " + json);
        }
        return l;
    }

    /** Tags are a comma-separated string in RabbitMQ 3.x and a list in 4.x. */
    private static String tagsOf(Object tags) {
        if (tags instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return tags == null ? "" : String.valueOf(tags);
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
