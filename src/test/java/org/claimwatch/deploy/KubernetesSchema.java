package org.claimwatch.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
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
 * fails) and then decode it into the typed model (a string where the API wants a number fails).
 * Only the kinds listed here pass: a new kind in docker/k8s is added on purpose.
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
      return JSON.getGson().fromJson(json, model);
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

  /** The models' messages end with the whole JSON of the object: the first line says enough. */
  private static String brief(String message) {
    if (message == null) {
      return "invalid";
    }
    int json = message.indexOf(" JSON: ");
    return json < 0 ? message : message.substring(0, json);
  }
}
