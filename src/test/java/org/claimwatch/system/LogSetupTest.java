package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import io.micronaut.logging.impl.LogbackLoggingSystem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging set up in code, and the files that take its place. */
class LogSetupTest {
  @Test
  void one_line_per_event_on_stdout_info_and_up_the_libraries_at_warn() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.INFO, root.getLevel());
    ConsoleAppender<?> console =
        assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
    assertTrue(console.isStarted());
    PatternLayoutEncoder encoder =
        assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder());
    assertEquals(LogSetup.PATTERN, encoder.getPattern());
    assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getEffectiveLevel());
    assertEquals(Level.INFO, context.getLogger("org.claimwatch.claim").getEffectiveLevel());

    ch.qos.logback.classic.spi.LoggingEvent event =
        new ch.qos.logback.classic.spi.LoggingEvent(
            "x",
            context.getLogger("org.claimwatch.webhook.SubscriptionService"),
            Level.INFO,
            "hello",
            null,
            null);
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertTrue(
        line.matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  o\\.c\\.webhook\\.SubscriptionService - hello\\R"),
        line);
  }

  @Test
  void a_logback_file_is_read_instead_also_when_micronaut_refreshes_the_logging() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    // Micronaut's refresh (what setting logger.levels triggers at start-up): it resets logback and
    // hands the context to the first configurator only, this one.
    new LogbackLoggingSystem(null, null).refresh();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertInstanceOf(
        ConsoleAppender.class, root.getAppender("STDOUT"), "an appender, so logs go out");
    // What only logback-test.xml says (the built-in setup leaves io.micronaut at INFO).
    assertEquals(Level.WARN, context.getLogger("io.micronaut").getLevel());
    assertEquals(Level.OFF, context.getLogger("ch.vorburger").getLevel());
  }
}
