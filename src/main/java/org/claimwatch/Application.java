package org.claimwatch;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Map;
import org.claimwatch.system.DatabaseBootstrap;
import org.claimwatch.system.JvmDefaults;

@OpenAPIDefinition(
    info =
        @Info(
            title = "claimwatch",
            version = "v1",
            description =
                "Tracks quantitative claims made in the news and re-checks them when new figures"
                    + " are reported."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
  public static void main(String[] args) {
    JvmDefaults.apply();
    Map<String, Object> database;
    try {
      database = DatabaseBootstrap.embeddedIfUnconfigured(args);
    } catch (IllegalStateException e) {
      System.err.println("Claimwatch cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Micronaut.build(args).mainClass(Application.class).properties(database).start();
  }
}
