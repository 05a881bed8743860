package io.pero.common.mq;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import io.pero.common.net.ServerAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Gives the AMQP client the current server list, in list order, at every connect and every automatic recovery, so
 * a server list changed in ZooKeeper is used by the next recovery. While {@link #pin(Address)} is in effect it gives
 * only that address, so the first connect can try servers one by one and report each failure.
 */
final class ServerListAddressResolver implements AddressResolver {
    private final Supplier<List<ServerAddress>> servers;
    private final AtomicReference<Address> pinned = new AtomicReference<>();

    ServerListAddressResolver(Supplier<List<ServerAddress>> servers) {
        this.servers = servers;
    }

    static Address address(ServerAddress server) {
        return new Address(server.host(), server.portOr(AmqpSettings.DEFAULT_PORT));
    }

    void pin(Address address) {
        pinned.set(address);
    }

    void unpin() {
        pinned.set(null);
    }

    @Override
    public List<Address> getAddresses() {
        Address pin = pinned.get();
        if (pin != null) {
            return List.of(pin);
        }
        List<ServerAddress> current = servers.get();
        return current == null ? List.of() : current.stream().map(ServerListAddressResolver::address).toList();
    }

    /** The original tries servers in list order (spec §4.2); the client's default would shuffle them. */
    @Override
    public List<Address> maybeShuffle(List<Address> input) {
        return input;
    }
}
