package com.releaseledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application behind the command line: the ledger database, Flyway, Spring Batch and the modules. */
@SpringBootApplication
public class LedgerApplication {
}
