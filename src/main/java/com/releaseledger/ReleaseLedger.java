package com.releaseledger;

import com.releaseledger.cli.Cli;

/** The {@code release-ledger} command. */
public final class ReleaseLedger {

    private ReleaseLedger() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
