package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.core.beans.BeanIntrospector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Page models are records named {@code ...Page}, and each has a bean introspection: the views read
 * a model's members through it, and without one the page fails while it is being sent (the browser
 * gets no answer at all), not when it is built.
 */
class PageModelsTest {
  @Test
  void every_page_model_has_a_bean_introspection() {
    List<Class<?>> pages =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimwatch.ui")
                .stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(c -> c.getSimpleName().endsWith("Page"))
                .toList();
    assertTrue(pages.size() >= 9, pages::toString);
    for (Class<?> page : pages) {
      assertTrue(
          BeanIntrospector.SHARED.findIntrospection(page).isPresent(),
          page + " needs @Introspected to be a view's model");
    }
  }
}
