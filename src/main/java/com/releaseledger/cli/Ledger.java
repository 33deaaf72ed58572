package com.releaseledger.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.releaseledger.LedgerApplication;

/** The running engine behind a command: the Spring context with the ledger database, opened and closed once. */
final class Ledger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Ledger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Ledger open(DatabaseOptions database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(true)
                .properties(database.properties())
                .run();
        return new Ledger(context);
    }

    <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
