package com.releaseledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A URL's secrets never printed, and taken apart for the data source. */
class JdbcUrlsTests {

    @Test
    void everySecretOfAUrlIsRedacted() {
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db:5432/ledger?user=rl&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ledger?user=rl&password=***&ssl=true");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/ledger?sslpassword=k3y&PASSWORD=x&api_token=t0k"))
                .isEqualTo("jdbc:postgresql://db/ledger?sslpassword=***&PASSWORD=***&api_token=***");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://rl:s3cret@db:5432/ledger"))
                .isEqualTo("jdbc:postgresql://rl:***@db:5432/ledger");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db:5432/ledger")).isEqualTo("jdbc:postgresql://db:5432/ledger");
    }

    @Test
    void aPasswordInTheQueryIsTakenOutForTheDataSource() {
        String url = "jdbc:postgresql://db/ledger?user=rl&password=s%40cret&ssl=true";

        assertThat(JdbcUrls.password(url)).isEqualTo("s@cret");
        assertThat(JdbcUrls.withoutPassword(url)).isEqualTo("jdbc:postgresql://db/ledger?user=rl&ssl=true");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/ledger?password=x")).isEqualTo("jdbc:postgresql://db/ledger");
        assertThat(JdbcUrls.password("jdbc:postgresql://db/ledger?user=rl")).isNull();
    }
}
