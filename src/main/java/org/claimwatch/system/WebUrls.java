package org.claimwatch.system;

import java.net.URI;
import java.net.URISyntaxException;

/** The one check of a URL a caller gives as where something was published. */
public final class WebUrls {
  public static final int MAX_LENGTH = 2048;

  private WebUrls() {}

  /**
   * An absolute http or https URL with a host, of at most {@link #MAX_LENGTH} characters. Parsed,
   * never matched by a regular expression: the length is checked first, so no input costs more than
   * one linear pass.
   */
  public static boolean isWebUrl(String url) {
    if (url == null || url.length() > MAX_LENGTH) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
