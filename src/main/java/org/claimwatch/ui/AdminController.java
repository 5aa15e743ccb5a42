package org.claimwatch.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/** The ADMIN pages: webhook subscriptions and their deliveries, API tokens. */
@Controller("/ui/admin")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
class AdminController {
  private final AdminPages admin;

  AdminController(AdminPages admin) {
    this.admin = admin;
  }

  @Get("/webhooks")
  HttpResponse<?> webhooks(@Nullable Authentication auth, HttpRequest<?> r) {
    return admin.webhooks(auth, r, null);
  }

  @Get("/webhooks/{id}")
  HttpResponse<?> webhook(long id, @Nullable Authentication auth, HttpRequest<?> r) {
    return admin.webhook(id, auth, r, null);
  }

  @Post("/webhooks/{id}/{action}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> act(
      long id,
      String action,
      @Body Map<String, String> form,
      @Nullable Authentication auth,
      HttpRequest<?> r) {
    return admin.act(id, action, form, auth, r);
  }

  @Get("/tokens")
  HttpResponse<?> tokens(@Nullable Authentication auth, HttpRequest<?> r) {
    return admin.tokensPage(auth, r, null, null);
  }

  @Post("/tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> createToken(
      @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return admin.createToken(form, auth, r);
  }

  @Post("/tokens/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> revoke(
      long id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> r) {
    return admin.revokeToken(id, form, auth, r);
  }
}
