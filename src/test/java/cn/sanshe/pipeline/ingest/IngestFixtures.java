package cn.sanshe.pipeline.ingest;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inboxes and database state for ingest tests. */
public final class IngestFixtures {

    static final String STREET = "130102001";          // 建北街道, 长安区
    static final String COMMUNITY = "130102001001";    // 锦绣社区
    static final String OTHER_STREET_COMMUNITY = "130104001001";

    private IngestFixtures() {
    }

    public static void resetDatabase(JdbcTemplate jdbc, DivisionLoader divisions) throws Exception {
        for (String table : new String[] {"stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker",
            "stg_s4_street_centre", "stg_d1_org_registry", "stg_d2_incubator", "stg_d3_certificate", "ingest_reject",
            "ingest_sheet", "ingest_drop", "ingest_file", "ingest_refused_drop"}) {
            jdbc.update("DELETE FROM " + table);
        }
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = '130100000000'", Integer.class);
        if (city == null || city == 0) {
            divisions.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        }
    }

    static Path write(Path inbox, String period, String unit, String name, String text, Charset charset)
            throws IOException {
        Path file = inbox.resolve(period).resolve(unit).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
        return file;
    }

    /** A valid 18-character identity number of someone born on that date (odd sequence: male). */
    static String id(String birth, int sequence) {
        String first17 = "130102" + birth + String.format("%03d", sequence);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
