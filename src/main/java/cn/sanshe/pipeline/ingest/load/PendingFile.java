package cn.sanshe.pipeline.ingest.load;

import java.nio.file.Path;
import java.time.YearMonth;

/** A registered file waiting to be loaded. */
record PendingFile(long id, Path location, String path, String unitCode, YearMonth period) {
}
