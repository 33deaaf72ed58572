package com.releaseledger.analysis;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.support.LedgerIntegrationTest;

/** An analysis test on a hand-written ledger ({@link AnalysisFixture}): the files go to a temporary folder. */
abstract class FixtureIntegrationTest extends LedgerIntegrationTest {

    /** Two services of one team: svc (rolls back automatically) and svc-man (rolls back by hand). */
    static final String TWO_SERVICES = "service,team,rollback\nsvc,team-1,\nsvc-man,team-1,manual\n";

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    /** A fixture whose ledger holds these services (CSV text, header included). */
    AnalysisFixture fixture(String services) {
        return new AnalysisFixture(dir, ingest, analysis, jdbc).load(Kind.SERVICES, services);
    }
}
