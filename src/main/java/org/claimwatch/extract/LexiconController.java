package org.claimwatch.extract;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.extract.MetricLexicon.Entry;
import org.claimwatch.extract.MetricLexicon.LexiconBody;

@Controller("/api/v1/lexicon")
@Secured(Role.R_VIEWER)
class LexiconController {
  private final MetricLexicon lexicon;

  LexiconController(MetricLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Which words name which claim metric when claims are read from text, per language. */
  @Get
  List<Entry> list() {
    return lexicon.list();
  }

  /** Replaces the whole table; the next text read, on any instance, uses it. */
  @Put
  @Secured(Role.R_EDITOR)
  List<Entry> replace(@Body LexiconBody body, Authentication caller) {
    return lexicon.replace(body, Actor.of(caller));
  }
}
