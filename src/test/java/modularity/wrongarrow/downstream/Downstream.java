package modularity.wrongarrow.downstream;

/** The module the upstream one should not use. */
public class Downstream {

    public String name() {
        return "downstream";
    }
}
