package org.claimwatch.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Checks an object against the Kubernetes API schema, offline: the Kubernetes project's Java models
 * ({@code io.kubernetes:client-java-api}, generated from the API's OpenAPI spec) validate its JSON
 * strictly (a field the schema does not define, at any depth, or a required field that is missing,
 * fails) and then decode it into the typed model; a value that does not come back as written was of
 * the wrong type (a string or a fraction where the API wants an integer, which decoding would have
 * coerced). Only the kinds listed here pass: a new kind in docker/k8s is added on purpose.
 *
 * <p>Not checked here (the API server's own validation does it): enumerated values ({@code
 * protocol: TCP}), ranges (a port above 65535), rules between fields (a probe with two handlers),
 * and which Kubernetes version has a field: the models are those of {@code client-java-api}'s
 * version, so a field newer than the cluster (the {@code preStop} {@code sleep}, 1.30) passes.
 */
final class KubernetesSchema {
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "apps/v1 Deployment", V1Deployment.class,
          "v1 Service", V1Service.class,
          "v1 ConfigMap", V1ConfigMap.class,
          "v1 ServiceAccount", V1ServiceAccount.class,
          "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
          "autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
          "networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class);

  private KubernetesSchema() {}

  /** The typed object, or an AssertionError saying what the API server would refuse. */
  static Object validate(Map<String, Object> object) {
    String gvk = object.get("apiVersion") + " " + object.get("kind");
    Class<?> model = MODELS.get(gvk);
    if (model == null) {
      throw new AssertionError(
          gvk
              + " "
              + Kustomization.name(object)
              + " is not a kind checked here: "
              + MODELS.keySet());
    }
    JsonElement json = new Gson().toJsonTree(object);
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
      Object typed = JSON.getGson().fromJson(json, model);
      String coerced = firstDifference("", json, JSON.getGson().toJsonTree(typed));
      if (coerced != null) {
        throw new AssertionError(
            gvk + " " + Kustomization.name(object) + ": not of the schema's type: " + coerced);
      }
      return typed;
    } catch (InvocationTargetException e) {
      throw new AssertionError(
          gvk + " " + Kustomization.name(object) + ": " + brief(e.getCause().getMessage()),
          e.getCause());
    } catch (RuntimeException e) {
      throw new AssertionError(
          gvk + " " + Kustomization.name(object) + ": " + brief(e.getMessage()), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where the object differs from the model's reading of it: decoding coerces a value of the wrong
   * type ("10" or 10.7 where the API wants an integer becomes 10; the API server refuses both), so
   * a value that does not come back as written was not of the schema's type. Null when equal.
   */
  private static String firstDifference(String path, JsonElement written, JsonElement read) {
    if (written.isJsonObject() && read.isJsonObject()) {
      for (var e : written.getAsJsonObject().entrySet()) {
        JsonElement back = read.getAsJsonObject().get(e.getKey());
        String d =
            back == null
                ? path + "." + e.getKey() + " (dropped)"
                : firstDifference(path + "." + e.getKey(), e.getValue(), back);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (written.isJsonArray() && read.isJsonArray()) {
      var w = written.getAsJsonArray();
      var r = read.getAsJsonArray();
      if (w.size() != r.size()) {
        return path + " (" + w.size() + " items read as " + r.size() + ")";
      }
      for (int i = 0; i < w.size(); i++) {
        String d = firstDifference(path + "[" + i + "]", w.get(i), r.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (written.isJsonPrimitive() && read.isJsonPrimitive()) {
      var w = written.getAsJsonPrimitive();
      var r = read.getAsJsonPrimitive();
      boolean same =
          w.isNumber() && r.isNumber()
              ? w.getAsBigDecimal().compareTo(r.getAsBigDecimal()) == 0
              : (w.isNumber() == r.isNumber() && w.isBoolean() == r.isBoolean() && w.equals(r))
                  || sameQuantity(w, r);
      return same ? null : path + ": " + w + " read as " + r;
    }
    return written.equals(read) ? null : path + ": " + written + " read as " + read;
  }

  /**
   * A resource quantity comes back in canonical form ({@code cpu: 0.5} as "500m", 1024Mi as "1Gi"):
   * the same amount, written otherwise, is not a coercion. Only where the model reads a string.
   */
  private static boolean sameQuantity(JsonPrimitive written, JsonPrimitive read) {
    if (!read.isString() || written.isBoolean()) {
      return false;
    }
    try {
      return Quantity.fromString(written.getAsString())
              .getNumber()
              .compareTo(Quantity.fromString(read.getAsString()).getNumber())
          == 0;
    } catch (RuntimeException notAQuantity) {
      return false;
    }
  }

  /** The models' messages end with the whole JSON of the object: the first line says enough. */
  private static String brief(String message) {
    if (message == null) {
      return "invalid";
    }
    int json = message.indexOf(" JSON: ");
    return json < 0 ? message : message.substring(0, json);
  }
}
