package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the reviewer pages over plain HTTP: keeps cookies, does not follow
 * redirects, sends what a browser sends ({@code headers}: name, value, ...).
 */
class PageBrowser {
  final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI base;

  PageBrowser(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code method} on {@code path} with no body, as a browser of this site sends it. */
  HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Sec-Fetch-Site", "same-origin")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The form posted from a page of this site, as a browser says ({@code Sec-Fetch-Site}). */
  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return postFrom("same-origin", path, form);
  }

  /** The form posted from a page of {@code site} ("same-origin", "cross-site", ...). */
  HttpResponse<String> postFrom(String site, String path, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return client.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", site)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The sign-in form's check value (its cookie is now in this browser). */
  String check() throws Exception {
    Matcher m =
        Pattern.compile("name=\"_check\" value=\"([^\"]+)\"").matcher(get("/ui/sign-in").body());
    assertTrue(m.find());
    return m.group(1);
  }

  HttpResponse<String> postSignIn(String token, String next) throws Exception {
    return post("/ui/sign-in", Map.of("token", token, "next", next, "_check", check()));
  }

  String signIn(String token, String next) throws Exception {
    HttpResponse<String> r = postSignIn(token, next);
    assertEquals(303, r.statusCode(), r.body());
    return r.headers().firstValue("Location").orElseThrow();
  }
}
