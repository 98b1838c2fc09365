package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.system.IdentityVault;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a template's loaded rows go: the staging table and its data columns (named by the
 * template's column ids). An identity-number column is stored as three: its keyed hash, its
 * ciphertext and its mask.
 */
record StagingTable(TemplateId template, String table, List<String> columns) {

    static final String ID_NUMBER = "id_number";
    static final List<String> COMMON = List.of("sheet_id", "row_no", "period", "unit_code", "district_code");

    static final List<StagingTable> ALL = List.of(
            new StagingTable(TemplateId.S1, "stg_s1_community", List.of("community_code", "community_name",
                    "urban_rural", "households", "population", "facility_area", "grids", "volunteers")),
            new StagingTable(TemplateId.S2, "stg_s2_org_ledger", List.of("org_name", "credit_code", "reg_status",
                    "filing_no", "org_type", "service_domain", "person_in_charge", "phone", "community_code",
                    "founded_on", "rating", "is_sw_agency")),
            new StagingTable(TemplateId.S3, "stg_s3_worker", List.of("name", ID_NUMBER, "gender", "birth_date",
                    "education", "political_status", "post", "is_committee", "is_sw_post", "cert_level", "cert_no",
                    "community_code", "hired_on", "phone")),
            new StagingTable(TemplateId.S4, "stg_s4_street_centre", List.of("street_code", "street_name",
                    "centre_built", "centre_area", "opened_on")),
            new StagingTable(TemplateId.D1, "stg_d1_org_registry", List.of("credit_code", "org_name", "org_type",
                    "registered_on", "reg_status", "legal_rep", "address", "community_code", "rating",
                    "is_sw_agency")),
            new StagingTable(TemplateId.D2, "stg_d2_incubator", List.of("name", "level", "street_code", "area",
                    "opened_on", "operator_credit_code", "in_incubation", "cumulative", "graduated")),
            new StagingTable(TemplateId.D3, "stg_d3_certificate", List.of("name", ID_NUMBER, "cert_level", "cert_no",
                    "obtained_year", "employer", "street_code")));

    private static final Map<TemplateId, StagingTable> BY_TEMPLATE = new EnumMap<>(TemplateId.class);

    static {
        ALL.forEach(table -> BY_TEMPLATE.put(table.template, table));
    }

    static StagingTable of(TemplateId template) {
        StagingTable table = BY_TEMPLATE.get(template);
        if (table == null) {
            throw new java.util.NoSuchElementException("no staging table for " + template);
        }
        return table;
    }

    /** A loaded row's values in {@link #sqlColumns()} order, the identity number protected. */
    Object[] row(long sheetId, int rowNo, String unitCode, RowOutcome.Loaded loaded, IdentityVault vault) {
        List<Object> values = new ArrayList<>(columns.size() + 8);
        values.add(sheetId);
        addValues(values, rowNo, unitCode, loaded, vault);
        return values.toArray();
    }

    /**
     * The row as {@code LOAD DATA} text from its second field on (each field after a tab, then the
     * newline): everything but the sheet id, which only the writer knows. Made where rows are
     * checked, so the writer merely puts the sheet id in front.
     */
    byte[] textAfterSheetId(int rowNo, String unitCode, RowOutcome.Loaded loaded, IdentityVault vault) {
        StagingText text = new StagingText(384);
        text.next(rowNo).next(loaded.period().toString()).next(unitCode).next(unitCode.substring(0, 6));
        for (String column : columns) {
            Object value = loaded.values().get(column);
            if (column.equals(ID_NUMBER)) {
                IdentityVault.ProtectedId id = value instanceof IdentityVault.ProtectedId done ? done
                        : vault.protect((String) value);
                text.next(id.hash()).next(id.cipher()).next(id.masked());
            } else {
                text.next(value);
            }
        }
        return text.endRow().toBytes();
    }

    private void addValues(List<Object> values, int rowNo, String unitCode, RowOutcome.Loaded loaded,
            IdentityVault vault) {
        values.add(rowNo);
        values.add(loaded.period().toString());
        values.add(unitCode);
        values.add(unitCode.substring(0, 6));
        for (String column : columns) {
            Object value = loaded.values().get(column);
            if (column.equals(ID_NUMBER)) {
                // Already protected by the row checker when it ran on the checking threads.
                IdentityVault.ProtectedId id = value instanceof IdentityVault.ProtectedId done ? done
                        : vault.protect((String) value);
                values.add(id.hash());
                values.add(id.cipher());
                values.add(id.masked());
            } else {
                values.add(value);
            }
        }
    }

    /** The table's column names in load order: common ones, then data, the id number as three. */
    List<String> sqlColumns() {
        List<String> names = new ArrayList<>(COMMON);
        for (String column : columns) {
            if (column.equals(ID_NUMBER)) {
                names.addAll(List.of("id_hash", "id_cipher", "id_masked"));
            } else {
                names.add(column);
            }
        }
        return names;
    }
}
