package com.releaseledger.cli;

/** The {@code release-ledger} command: the jar's entry point. */
public final class ReleaseLedger {

    private ReleaseLedger() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
