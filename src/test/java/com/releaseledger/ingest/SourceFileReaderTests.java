package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The hand-over between the reading thread and the step: rows in file order across many batches, a failure after the
 * rows before it, a restart after the committed records, and a stop while the step waits.
 */
class SourceFileReaderTests {

    @TempDir
    Path dir;

    @Test
    void handsOverEveryRowInFileOrderAcrossManyBatches() throws Exception {
        Path file = services(50_000); // 100 batches of 500: more than the 40 the reading thread may run ahead

        List<LedgerRow> rows = readAll(reader(file, 0), new ExecutionContext());

        assertThat(rows).hasSize(50_000);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).ordinal()).isEqualTo(i + 1);
            assertThat(rows.get(i).line()).isEqualTo(i + 2); // the header is line 1
        }
        assertThat(rows).allMatch(LedgerRow.Accepted.class::isInstance);
    }

    @Test
    void aBrokenRecordFailsAfterTheRowsBeforeIt() throws Exception {
        Path file = dir.resolve("services.csv");
        Files.writeString(file, "service,team\na,t1\nb,t2\n\"c,t3\n");
        SourceFileReader reader = reader(file, 0);
        reader.open(new ExecutionContext());
        try {
            assertThat(((LedgerRow.Accepted) reader.read()).values()[0]).isEqualTo("a");
            assertThat(((LedgerRow.Accepted) reader.read()).values()[0]).isEqualTo("b");
            assertThatThrownBy(reader::read).isInstanceOf(MalformedSourceException.class);
        } finally {
            reader.close();
        }
    }

    @Test
    void aRestartGoesOnAfterTheRecordsTheLedgerAlreadyHolds() throws Exception {
        Path file = services(1_200);

        List<LedgerRow> rows = readAll(reader(file, 700), new ExecutionContext());

        assertThat(rows).hasSize(500);
        assertThat(rows.get(0).ordinal()).isEqualTo(701);
        assertThat(rows.get(0).line()).isEqualTo(702);
    }

    @Test
    void aRestartFromSpringBatchsSavedCountSkipsThoseRecords() throws Exception {
        Path file = services(1_200);
        ExecutionContext saved = new ExecutionContext();
        saved.putInt("sourceFile.read.count", 1_000);

        List<LedgerRow> rows = readAll(reader(file, 0), saved);

        assertThat(rows).extracting(LedgerRow::ordinal).startsWith(1_001L).hasSize(200);
    }

    @Test
    void aStopWhileTheStepWaitsEndsTheChunkAsAStopNeverAsTheEndOfTheFile() throws Exception {
        Path file = services(10);
        SourceFileReader reader = reader(file, 0);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 10; i++) {
            assertThat(reader.read()).isNotNull();
        }
        reader.close();

        assertThatThrownBy(reader::read).isInstanceOf(JobInterruptedException.class);
    }

    private SourceFileReader reader(Path file, long committed) {
        return new SourceFileReader(file, Kind.SERVICES, SourceFormat.CSV, committed,
                new RowValidator(Kind.SERVICES, ZoneOffset.UTC), 1);
    }

    private static List<LedgerRow> readAll(SourceFileReader reader, ExecutionContext context) throws Exception {
        List<LedgerRow> rows = new ArrayList<>();
        reader.open(context);
        try {
            for (LedgerRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        } finally {
            reader.close();
        }
        return rows;
    }

    private Path services(int rows) throws IOException {
        StringBuilder text = new StringBuilder("service,team\n");
        for (int i = 1; i <= rows; i++) {
            text.append("service-").append(i).append(",team-").append(i % 7).append('\n');
        }
        return Files.writeString(dir.resolve("services.csv"), text);
    }
}
