package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
  void a_logback_test_xml_on_the_class_path_is_read_instead() {
    LogSetup setup = new LogSetup();
    LoggerContext context = new LoggerContext();
    setup.setContext(context);
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
    assertEquals(
        0,
        context.getLoggerList().stream().filter(l -> l.iteratorForAppenders().hasNext()).count(),
        "nothing set up");
  }
}
