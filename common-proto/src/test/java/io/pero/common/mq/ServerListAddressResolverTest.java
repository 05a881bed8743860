package io.pero.common.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Address;
import io.pero.common.net.ServerAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServerListAddressResolverTest {

    @Test
    void everyCallReadsTheCurrentListInOrderWithTheDefaultPort() {
        AtomicReference<List<ServerAddress>> servers = new AtomicReference<>(
                List.of(ServerAddress.of("mq2", 5671), ServerAddress.of("mq1"), ServerAddress.of("::1")));
        ServerListAddressResolver resolver = new ServerListAddressResolver(servers::get);

        assertEquals(List.of(new Address("mq2", 5671), new Address("mq1", 5672), new Address("::1", 5672)),
                resolver.maybeShuffle(resolver.getAddresses()));

        servers.set(List.of(ServerAddress.of("mq3", 1)));
        assertEquals(List.of(new Address("mq3", 1)), resolver.getAddresses());
    }

    @Test
    void aPinnedAddressIsTheOnlyOneUntilUnpinned() {
        ServerListAddressResolver resolver = new ServerListAddressResolver(
                () -> List.of(ServerAddress.of("mq1"), ServerAddress.of("mq2")));

        resolver.pin(new Address("mq2", 5672));
        assertEquals(List.of(new Address("mq2", 5672)), resolver.getAddresses());

        resolver.unpin();
        assertEquals(2, resolver.getAddresses().size());
    }

    @Test
    void noListYetMeansNoAddresses() {
        assertEquals(List.of(), new ServerListAddressResolver(() -> null).getAddresses());
    }
}
