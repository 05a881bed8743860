package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AuthenticationFailureException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StartupConnectorTest {
    @Test
    void refusedCredentialsAreRecognisedThroughTheWrapperSoTheyAreNotRetried() {
        assertTrue(StartupConnector.isAuthenticationFailure(
                new IOException("authentication refused for user x at h:5672", new AuthenticationFailureException("ACCESS_REFUSED"))));
        assertFalse(StartupConnector.isAuthenticationFailure(new IOException("h:5672", new ConnectException("Connection refused"))));
    }
}
