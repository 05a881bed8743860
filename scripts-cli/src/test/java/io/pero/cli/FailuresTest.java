package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.config.ServiceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void exitCodesFollowTheHouseTable() {
        assertEquals(ExitCodes.BAD_CONFIG, Failures.exitCode(new ConfigException("x")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new ServiceUnavailableException("x")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new ExecutionException(new ConnectException("refused"))));
        assertEquals(ExitCodes.INTERRUPTED, Failures.exitCode(new InterruptedException()));
        assertEquals(ExitCodes.FAILED, Failures.exitCode(new CommandFailedException("x")));
        assertEquals(ExitCodes.FAILED, Failures.exitCode(new IllegalStateException("bug")));
    }

    @Test
    void descriptionUsesTheFirstMessageAlongTheCauseChain() {
        IOException amqp = new IOException(null, new IllegalStateException("PRECONDITION_FAILED - inequivalent arg"));
        assertEquals("pero-stage-config: IllegalStateException: PRECONDITION_FAILED - inequivalent arg",
                Failures.describe("pero-stage-config", amqp));
        assertEquals("stage config: no servers", Failures.describe("pero-stage-config", new ConfigException("stage config: no servers")));
    }
}
