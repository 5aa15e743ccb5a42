package org.claimwatch.review;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimwatch.claim.ClaimQueries;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.subject.SubjectKind;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.ProblemException;

/**
 * A claim's published verdict as schema.org ClaimReview JSON-LD, shaped like the ClaimReview items
 * fact-checkers publish (see the DataCommons fixtures): the claim, who made it and where it
 * appeared, the organisation that reviewed it, and the rating.
 */
@Singleton
public class ClaimReviewService {
  private final VerdictService verdicts;
  private final ClaimQueries claims;
  private final SubjectService subjects;
  private final ReviewConfig config;
  private final JsonMapper json;

  ClaimReviewService(
      VerdictService verdicts,
      ClaimQueries claims,
      SubjectService subjects,
      ReviewConfig config,
      JsonMapper json) {
    this.verdicts = verdicts;
    this.claims = claims;
    this.subjects = subjects;
    this.config = config;
    this.json = json;
  }

  /**
   * The rating scale: 5 best (ACCURATE) to 1 worst (INACCURATE). UNVERIFIABLE is not a point on it,
   * so it has a name but no ratingValue, as schema.org allows.
   */
  static Integer ratingValue(String status) {
    return switch (status) {
      case "ACCURATE" -> 5;
      case "MOSTLY_ACCURATE" -> 4;
      case "MISLEADING" -> 2;
      case "INACCURATE" -> 1;
      default -> null;
    };
  }

  static String ratingName(String status) {
    return switch (status) {
      case "ACCURATE" -> "Accurate";
      case "MOSTLY_ACCURATE" -> "Mostly accurate";
      case "MISLEADING" -> "Misleading";
      case "INACCURATE" -> "Inaccurate";
      default -> "Unverifiable";
    };
  }

  /**
   * {@link #export} as JSON safe to put inside an HTML {@code <script>} element: {@code <}, {@code
   * >}, {@code &} and the line and paragraph separators written as {@code \\u} escapes, which mean
   * the same characters to any JSON reader ("</script><img src=x onerror=...>" in a claimant's name
   * stays text).
   */
  public byte[] exportJson(long claimId) {
    Map<String, Object> review = export(claimId);
    String text;
    try {
      text = json.writeValueAsString(review);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public Map<String, Object> export(long claimId) {
    ClaimView claim = claims.get(claimId);
    VerdictView v =
        verdicts
            .published(claimId)
            .orElseThrow(
                () -> ProblemException.notFound("Claim " + claimId + " has no published verdict"));

    Map<String, Object> review = new LinkedHashMap<>();
    review.put("@context", "https://schema.org");
    review.put("@type", "ClaimReview");
    review.put("datePublished", date(v.decidedAt() != null ? v.decidedAt() : v.recordedAt()));
    review.put("url", config.publicUrl() + claimId);
    review.put(
        "author",
        object("Organization", "name", config.organization(), "url", config.organizationUrl()));
    review.put("claimReviewed", claim.statement());

    Map<String, Object> rating = object("Rating");
    Integer value = ratingValue(v.status());
    if (value != null) {
      rating.put("ratingValue", value);
    }
    rating.put("bestRating", 5);
    rating.put("worstRating", 1);
    rating.put("alternateName", ratingName(v.status()));
    review.put("reviewRating", rating);

    Map<String, Object> item = object("Claim");
    if (claim.claimant() != null) {
      item.put("author", object(claimantType(claim.claimant()), "name", claim.claimant()));
    }
    String stated =
        claim.statedAt() != null
            ? claim.statedAt()
            : claim.source() == null ? null : claim.source().publishedAt();
    if (stated != null) {
      item.put("datePublished", date(stated));
    }
    if (claim.source() != null) {
      Map<String, Object> appearance = object("CreativeWork", "url", claim.source().url());
      if (claim.source().title() != null) {
        appearance.put("headline", claim.source().title());
      }
      if (claim.source().publisher() != null) {
        appearance.put("publisher", object("Organization", "name", claim.source().publisher()));
      }
      if (claim.source().publishedAt() != null) {
        appearance.put("datePublished", date(claim.source().publishedAt()));
      }
      item.put("appearance", appearance);
    }
    review.put("itemReviewed", item);
    return review;
  }

  /** An Organization when the claimant is a known organisation or company, else a Person. */
  private String claimantType(String claimant) {
    return subjects
        .resolve(claimant)
        .map(id -> subjects.get(id).kind())
        .filter(k -> k == SubjectKind.COMPANY || k == SubjectKind.ORGANIZATION)
        .map(k -> "Organization")
        .orElse("Person");
  }

  private static Map<String, Object> object(String type, String... pairs) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("@type", type);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        o.put(pairs[i], pairs[i + 1]);
      }
    }
    return o;
  }

  private static String date(String isoTime) {
    return isoTime.length() >= 10 ? isoTime.substring(0, 10) : isoTime;
  }
}
