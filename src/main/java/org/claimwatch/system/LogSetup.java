package org.claimwatch.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The service's logging, set up in code through logback's {@link Configurator} service: one line
 * per event on standard output, INFO and above, the chatty libraries at WARN. Parsing a {@code
 * logback.xml} loads logback's XML configuration machinery, a few hundred classes and about a tenth
 * of a second of every start, for these few lines. An operator's own file still wins: with {@code
 * -Dlogback.configurationFile=...} (or a {@code logback-test.xml} on the class path, as in the
 * tests) this reads that file instead (Micronaut's {@code logger.config} is not read: Micronaut
 * hands a refresh to the first configurator, this one). Levels can also be set per logger in the
 * configuration ({@code logger.levels.org.claimwatch: DEBUG}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      // Read the file here rather than leave it to the next configurator: Micronaut's logging
      // refresh (at start-up, when logger.levels are set) calls only the first configurator.
      DefaultJoranConfigurator file = new DefaultJoranConfigurator();
      file.setContext(context);
      if (file.configure(context) == ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
      }
      addWarn("No logback file found where logback.configurationFile points: logging as built in");
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} as the service logs. */
  static void apply(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    for (String chatty : new String[] {"org.testcontainers", "com.zaxxer.hikari", "ch.vorburger"}) {
      context.getLogger(chatty).setLevel(Level.WARN);
    }
  }
}
