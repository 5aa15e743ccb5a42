package org.claimwatch.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers of the API's documentation: Swagger UI ({@code /swagger-ui/**}) and the OpenAPI document
 * ({@code /swagger/**}), both served to anyone. Swagger UI runs scripts, so its policy allows this
 * service's own script files and, of inline scripts, only those its page ships (by their SHA-256,
 * read from the page at start): an injected script runs nowhere. It fetches the document and sends
 * "Try it out" requests to this service only, loads nothing from elsewhere, and no site may frame
 * it. Its styles and SVG icons need inline styles and data: images. The document itself runs
 * nothing. No browser guesses a type. The filter sees every request and decides on the decoded path
 * ({@link RequestPaths}): {@code /%73wagger-ui/index.html} is Swagger UI's page too.
 */
@ServerFilter("/**")
class ApiDocsHeaders implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(ApiDocsHeaders.class);

  /** Where micronaut-openapi generates Swagger UI's page at build time. */
  static final String PAGE = "META-INF/swagger/views/swagger-ui/index.html";

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>([\\s\\S]*?)</script>", Pattern.CASE_INSENSITIVE);

  static final String DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final String uiPolicy;

  ApiDocsHeaders() {
    List<String> inline = inlineScripts(PAGE);
    if (inline.isEmpty()) {
      LOG.warn("No inline script found in {}: Swagger UI's own script will be blocked", PAGE);
    }
    this.uiPolicy = uiPolicy(inline);
  }

  /** First in, so last out: the 404 of a path under it gets the headers too. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @ResponseFilter
  void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = RequestPaths.decoded(request);
    String policy =
        RequestPaths.under(path, "/swagger-ui")
            ? uiPolicy
            : RequestPaths.under(path, "/swagger") ? DOCUMENT_POLICY : null;
    if (policy == null) {
      return;
    }
    response.header("Content-Security-Policy", policy);
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "same-origin");
  }

  /** The policy of Swagger UI's page, its inline scripts allowed by these hashes. */
  static String uiPolicy(List<String> inlineScripts) {
    StringBuilder scripts = new StringBuilder("'self'");
    for (String s : inlineScripts) {
      // a browser hashes the script as parsed: its line breaks as line feeds
      String parsed = s.replace("\r\n", "\n").replace('\r', '\n');
      scripts.append(" 'sha256-").append(Hashing.sha256Base64(parsed)).append('\'');
    }
    return "default-src 'none'; script-src "
        + scripts
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
        + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  }

  /** The bodies of the page's inline scripts (none when the page is not on the class path). */
  static List<String> inlineScripts(String resource) {
    try (InputStream in = ApiDocsHeaders.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
