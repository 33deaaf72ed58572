/** A module that may depend on nothing. */
@ApplicationModule(allowedDependencies = {})
package modularity.wrongarrow.upstream;

import org.springframework.modulith.ApplicationModule;
