package io.pero.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.config.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailuresTest {
    /** A failure that carries its own code, as the worker's "id held by a live worker". */
    private static final class HeldElsewhere extends RuntimeException implements Failures.WithExitCode {
        HeldElsewhere() {
            super("worker id w1 is held by a live worker");
        }

        @Override
        public int exitCode() {
            return ExitCodes.ID_IN_USE;
        }
    }

    @Test
    void exitCodesFollowTheHouseTable() {
        assertEquals(ExitCodes.BAD_CONFIG, Failures.exitCode(new ConfigException("x")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new ServiceUnavailableException("x")));
        assertEquals(ExitCodes.INTERRUPTED, Failures.exitCode(new InterruptedException()));
        assertEquals(ExitCodes.FAILED, Failures.exitCode(new CommandFailedException("x")));
        assertEquals(ExitCodes.FAILED, Failures.exitCode(new IllegalStateException("bug")));
        assertEquals(ExitCodes.ID_IN_USE, Failures.exitCode(new HeldElsewhere()));
    }

    @Test
    void everyKindOfUnreachableServiceIsExit4() {
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new ConnectException("refused")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new UnknownHostException("zk.invalid")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new TimeoutException("no answer")));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new KeeperException.ConnectionLossException()));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new KeeperException.SessionExpiredException()));
    }

    @Test
    void wrappersAreLookedThrough() {
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new ExecutionException(new ConnectException("refused"))));
        assertEquals(ExitCodes.BAD_CONFIG, Failures.exitCode(new CompletionException(new ConfigException("x"))));
        assertEquals(ExitCodes.UNREACHABLE, Failures.exitCode(new UncheckedIOException(new ConnectException("refused"))));
        assertEquals(ExitCodes.ID_IN_USE, Failures.exitCode(new CompletionException(new HeldElsewhere())));
    }

    @Test
    void descriptionUsesTheFirstMessageAlongTheCauseChain() {
        IOException amqp = new IOException(null, new IllegalStateException("PRECONDITION_FAILED - inequivalent arg"));
        assertEquals("pero-stage-config: IllegalStateException: PRECONDITION_FAILED - inequivalent arg",
                Failures.describe("pero-stage-config", amqp));
        assertEquals("stage config: no servers", Failures.describe("pero-stage-config", new ConfigException("stage config: no servers")));
        assertEquals("worker id w1 is held by a live worker", Failures.describe("pero-worker", new HeldElsewhere()));
        assertEquals("pero-logd: interrupted", Failures.describe("pero-logd", new InterruptedException()));
        assertEquals("pero-controller: ZooKeeper refused the operation on /pero/x: NONODE",
                Failures.describe("pero-controller", KeeperException.create(KeeperException.Code.NONODE, "/pero/x")));
    }

    @Test
    void daemonFailuresAreLoggedOnceWithStackTracesOnlyForTheUnexpected() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.pero.test.failures");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            assertEquals(ExitCodes.BAD_CONFIG, Failures.logged(logger, "pero-logd", new ConfigException("policy=fancy: unknown")));
            assertEquals(ExitCodes.FAILED, Failures.logged(logger, "pero-logd", new IllegalStateException("bug")));
        } finally {
            logger.detachAppender(events);
        }
        assertEquals(2, events.list.size());
        assertEquals("stopping: policy=fancy: unknown", events.list.get(0).getFormattedMessage());
        assertNull(events.list.get(0).getThrowableProxy(), "an expected failure needs no stack trace");
        assertEquals("pero-logd failed cause=java.lang.IllegalStateException: bug", events.list.get(1).getFormattedMessage());
        assertEquals("java.lang.IllegalStateException", events.list.get(1).getThrowableProxy().getClassName());
    }
}
