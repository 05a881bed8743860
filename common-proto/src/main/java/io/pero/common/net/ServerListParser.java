package io.pero.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Parses server lists in the forms the Python original accepts (spec §4.1): {@code host}, {@code host:port},
 * IPv4 with or without port, bare IPv6, {@code [ipv6]} and {@code [ipv6]:port}.
 * Deliberate difference: bad entries are reported, not silently skipped, and port 65535 is valid (§12 item 17).
 */
public final class ServerListParser {
    // Differs from the original: '_' is accepted in host labels (Docker Compose names containers with it).
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6_ADDRESS_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern IPV6_SCOPE = Pattern.compile("[0-9a-zA-Z_.-]+");

    /** Parsed entries plus one message per rejected entry. */
    public record Result(List<ServerAddress> servers, List<String> errors) {
        public Result {
            servers = List.copyOf(servers);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** The servers, or an {@link IllegalArgumentException} naming every bad entry. */
        public List<ServerAddress> orThrow() {
            if (!ok()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return servers;
        }
    }

    private ServerListParser() {
    }

    /** Parses a comma-separated list, e.g. {@code "zk1:2181, [::1]:2182"}. Blank entries are ignored. */
    public static Result parseCommaSeparated(String text) {
        return parse(text == null ? List.of() : List.of(text.split(",")));
    }

    /** Parses entries (each may itself be comma-separated, as from a picocli list or one file line each). */
    public static Result parse(Collection<String> entries) {
        List<ServerAddress> servers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String raw : entries) {
            if (raw == null) {
                continue;
            }
            for (String part : raw.split(",")) {
                String entry = part.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                try {
                    servers.add(parseOne(entry));
                } catch (IllegalArgumentException e) {
                    // Differs from the original: a bad entry is reported instead of silently skipped.
                    errors.add("bad server entry '" + entry + "': " + e.getMessage());
                }
            }
        }
        return new Result(servers, errors);
    }

    /** Parses one entry or throws {@link IllegalArgumentException} saying why it is invalid. */
    public static ServerAddress parseOne(String entry) {
        String e = entry.strip();
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']'");
            }
            String host = e.substring(1, close);
            requireIpv6(host);
            String rest = e.substring(close + 1);
            if (rest.isEmpty()) {
                return ServerAddress.of(host);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("expected ':port' after ']'");
            }
            return new ServerAddress(host, port(rest.substring(1)));
        }
        long colons = e.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            requireIpv6(e);
            return ServerAddress.of(e);
        }
        String host = colons == 1 ? e.substring(0, e.indexOf(':')) : e;
        OptionalInt port = colons == 1 ? port(e.substring(e.indexOf(':') + 1)) : OptionalInt.empty();
        requireHostOrIpv4(host);
        return new ServerAddress(host, port);
    }

    private static OptionalInt port(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 5) {
            throw new IllegalArgumentException("port '" + text + "' is not a number in 0..65535");
        }
        int p = Integer.parseInt(text);
        // Differs from the original: 65535 is a valid port (spec §12 item 17).
        if (p > 65535) {
            throw new IllegalArgumentException("port " + p + " is not in 0..65535");
        }
        return OptionalInt.of(p);
    }

    private static void requireIpv6(String host) {
        int percent = host.indexOf('%');
        String address = percent < 0 ? host : host.substring(0, percent);
        String scope = percent < 0 ? "" : host.substring(percent + 1);
        // Only hex digits, ':' and '.' reach InetAddress, so it parses the literal and never asks DNS.
        if (!address.contains(":") || !IPV6_ADDRESS_CHARS.matcher(address).matches()
                || (percent >= 0 && !IPV6_SCOPE.matcher(scope).matches())) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
        }
    }

    private static void requireHostOrIpv4(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (host.length() > 255) {
            throw new IllegalArgumentException("host name longer than 255 characters");
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            String[] octets = h.split("\\.", -1);
            if (octets.length != 4) {
                throw new IllegalArgumentException("'" + host + "' is not a valid IPv4 address");
            }
            for (String o : octets) {
                if (o.isEmpty() || o.length() > 3 || Integer.parseInt(o) > 255) {
                    throw new IllegalArgumentException("'" + host + "' is not a valid IPv4 address");
                }
            }
            return;
        }
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + host + "' is not a valid host name (label '" + label + "')");
            }
        }
    }
}
