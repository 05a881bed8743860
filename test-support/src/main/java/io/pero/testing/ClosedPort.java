package io.pero.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A local port nothing listens on: a server that is down, refusing connections at once. */
public final class ClosedPort {
    private ClosedPort() {
    }

    /** A port the system just handed out and that was closed again. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
