package modularity.wrongarrow.upstream;

import modularity.wrongarrow.downstream.Downstream;

/** Uses a module it did not declare: the wrong arrow. */
public class Upstream {

    public String name() {
        return new Downstream().name();
    }
}
