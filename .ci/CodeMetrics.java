import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Size figures of a source tree, for issue notes: the largest top-level classes (lines), and the
 * lines of every method and constructor body (median, p90, max, the longest ones). Run by hand:
 * .ci/code-metrics [src/main/java].
 */
public class CodeMetrics {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "src/main/java");
    StaticJavaParser.getParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    List<String[]> classes = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    List<String[]> longest = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      CompilationUnit cu = StaticJavaParser.parse(f);
      for (TypeDeclaration<?> t : cu.getTypes()) {
        int lines = t.getEnd().get().line - t.getBegin().get().line + 1;
        classes.add(new String[] {String.valueOf(lines), t.getNameAsString()});
      }
      for (CallableDeclaration<?> m : cu.findAll(CallableDeclaration.class)) {
        if (m.getEnd().isEmpty() || m.isAbstract()) {
          continue;
        }
        int lines = m.getEnd().get().line - m.getBegin().get().line + 1;
        if (m.getBegin().get().line == m.getEnd().get().line && !m.toString().contains("{")) {
          continue; // an interface method with no body
        }
        lengths.add(lines);
        String owner =
            m.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString).orElse("?");
        longest.add(new String[] {String.valueOf(lines), owner + "." + m.getNameAsString()});
      }
    }
    classes.sort((a, b) -> Integer.parseInt(b[0]) - Integer.parseInt(a[0]));
    longest.sort((a, b) -> Integer.parseInt(b[0]) - Integer.parseInt(a[0]));
    Collections.sort(lengths);
    System.out.printf("files %d, methods %d%n", files.size(), lengths.size());
    System.out.printf(
        "method lines: median %d, p90 %d, max %d%n",
        lengths.get(lengths.size() / 2),
        lengths.get((int) Math.ceil(lengths.size() * 0.9) - 1),
        lengths.get(lengths.size() - 1));
    System.out.println("largest classes:");
    classes.stream().limit(8).forEach(c -> System.out.println("  " + c[0] + " " + c[1]));
    System.out.println("longest methods:");
    longest.stream().limit(10).forEach(c -> System.out.println("  " + c[0] + " " + c[1]));
  }
}
