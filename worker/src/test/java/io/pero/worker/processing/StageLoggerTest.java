package io.pero.worker.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StageLoggerTest {
    @Test
    void infoLinesGoToTheStageLogOnlyWarningsAlsoToTheWorkerLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("stage-logger-test");
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            StageLogger log = new StageLogger(logger);
            log.info("Dummy processing, waiting for {} seconds", 0.05);
            log.warn("slow {}", "disk");

            assertEquals("Dummy processing, waiting for 0.05 seconds\nslow disk\n", log.text());
            assertEquals(List.of("slow disk"), appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void withDebugTheInfoLinesShowInTheWorkerLogToo() {
        Logger logger = (Logger) LoggerFactory.getLogger("stage-logger-test-debug");
        logger.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new StageLogger(logger).info("Request data size: {}", 1000);
            assertEquals(List.of("Request data size: 1000"), appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(appender);
        }
    }
}
