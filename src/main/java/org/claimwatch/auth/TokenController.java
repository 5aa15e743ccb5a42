package org.claimwatch.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.TokenService.CreatedToken;
import org.claimwatch.auth.TokenService.TokenRequest;
import org.claimwatch.auth.TokenService.TokenView;

@Controller("/api/v1/tokens")
@Secured(Role.R_ADMIN)
class TokenController {
  private final TokenService tokens;

  TokenController(TokenService tokens) {
    this.tokens = tokens;
  }

  /** Makes a token; the response is the only place its secret ever appears. */
  @Post
  HttpResponse<CreatedToken> create(@Body TokenRequest request, Authentication caller) {
    return HttpResponse.created(tokens.create(request, caller.getName()));
  }

  @Get
  List<TokenView> list() {
    return tokens.list();
  }

  @Delete("/{id}")
  TokenView revoke(long id) {
    return tokens.revoke(id);
  }
}
