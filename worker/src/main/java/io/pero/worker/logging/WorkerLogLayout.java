package io.pero.worker.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;

/**
 * Logback layout for the worker's stderr (configured in logback.xml) and remote log lines: see {@link LogLineFormat}.
 * The worker id comes from the MDC {@code worker_id} of the logging thread, else {@link #setWorkerId}, else {@code -}.
 */
public final class WorkerLogLayout extends LayoutBase<ILoggingEvent> {
    private String workerId = "-";

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    /** The line without its line break, as sent to the log queue. */
    public String line(ILoggingEvent event) {
        String id = event.getMDCPropertyMap().getOrDefault("worker_id", workerId);
        String line = LogLineFormat.line(Instant.ofEpochMilli(event.getTimeStamp()), LogLineFormat.nodeName(), id,
                event.getLevel().toString(), event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        return thrown == null ? line : line + CoreConstants.LINE_SEPARATOR + ThrowableProxyUtil.asString(thrown);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return line(event) + CoreConstants.LINE_SEPARATOR;
    }
}
