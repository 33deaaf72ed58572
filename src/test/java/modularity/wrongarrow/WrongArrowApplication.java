package modularity.wrongarrow;

import org.springframework.modulith.Modulithic;

/**
 * A two-module application whose {@code upstream} module uses {@code downstream} although it declares no
 * dependency on it: {@code ModularityTests} checks that the verification the product relies on rejects it.
 */
@Modulithic
public class WrongArrowApplication {
}
