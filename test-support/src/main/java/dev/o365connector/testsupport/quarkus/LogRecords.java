package dev.o365connector.testsupport.quarkus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** The log records of a category while a test runs, each with the MDC it was logged with. */
public final class LogRecords extends Handler implements AutoCloseable {

  /** One record: its message as formatted and its MDC. */
  public record Line(String message, Map<String, String> mdc) {}

  private final Logger logger;
  private final List<Line> lines = new CopyOnWriteArrayList<>();

  private LogRecords(String category) {
    this.logger = Logger.getLogger(category);
    logger.addHandler(this);
  }

  public static LogRecords of(String category) {
    return new LogRecords(category);
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    if (record instanceof ExtLogRecord ext) {
      // The MDC is read now, on the thread and Vert.x context that logged.
      lines.add(new Line(ext.getFormattedMessage(), ext.getMdcCopy()));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
