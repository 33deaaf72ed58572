package com.releaseledger.kernel;

/** The engine's version, as the jar's manifest names it ("development" when run from classes). */
public final class EngineVersion {

    private EngineVersion() {
    }

    public static String get() {
        String version = EngineVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
