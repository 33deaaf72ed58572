/** The command line: parses options with picocli, opens the ledger and calls the modules' APIs. */
package com.releaseledger.cli;
