package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.internal.PlatformDependent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {
  @Test
  void setsNettysJfrEventsOffWhenTheOperatorSaidNothing() {
    Properties p = new Properties();
    JvmDefaults.apply(p);
    assertEquals("false", p.getProperty("io.netty.jfr.enabled"));
  }

  @Test
  void leavesAnOperatorsValue() {
    Properties p = new Properties();
    p.setProperty("io.netty.jfr.enabled", "true");
    JvmDefaults.apply(p);
    assertEquals("true", p.getProperty("io.netty.jfr.enabled"));
  }

  @Test
  void everyNameIsOneNettyReads() throws Exception {
    // Netty reads the switch once, in PlatformDependent's static initialiser (by the name held in
    // its class file); a misspelt name would set nothing and fail nowhere else.
    byte[] bytes;
    try (InputStream in = PlatformDependent.class.getResourceAsStream("PlatformDependent.class")) {
      bytes = in.readAllBytes();
    }
    String classFile = new String(bytes, StandardCharsets.ISO_8859_1);
    for (String name : JvmDefaults.DEFAULTS.keySet()) {
      assertTrue(classFile.contains(name), name + " is not a name Netty reads");
    }
  }
}
