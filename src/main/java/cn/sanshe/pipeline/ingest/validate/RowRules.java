package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules across a row's columns, checked on values that passed their own column's rule: what one
 * cell requires of another (a registered organization has a credit code), and what the identity
 * number says about the person's other cells.
 */
final class RowRules {

    private static final int MIN_AGE = 16;
    private static final int MAX_AGE = 80;

    private RowRules() {
    }

    static List<String> check(Template template, RowValues row, YearMonth period) {
        List<String> problems = new ArrayList<>();
        if (template.id() == TemplateId.S2) {
            organization(row, problems);
        }
        if (template.id() == TemplateId.D2) {
            incubator(template, row, problems);
        }
        if (template.column("id_number").isPresent()) {
            person(row, period, problems);
        }
        return problems;
    }

    private static void organization(RowValues row, List<String> problems) {
        boolean registered = row.value("reg_status", String.class).filter("已登记"::equals).isPresent();
        if (registered && !row.present("credit_code")) {
            problems.add(Reasons.REGISTERED_WITHOUT_CREDIT_CODE);
        }
    }

    private static void incubator(Template template, RowValues row, List<String> problems) {
        boolean streetLevel = row.value("level", String.class).filter("街道级"::equals).isPresent();
        if (streetLevel && !row.present("street_code")) {
            problems.add(Reasons.STREET_LEVEL_WITHOUT_STREET);
        }
        row.value("street_code", String.class).ifPresent(street -> row.value("district_code", String.class)
                .filter(district -> !street.startsWith(district))
                .ifPresent(district -> problems.add(Reasons.streetOutsideDistrict(header(template, "street_code"),
                        street, header(template, "district_code"), district))));
        row.value("graduated", Long.class).ifPresent(graduated -> row.value("cumulative", Long.class)
                .filter(cumulative -> graduated > cumulative)
                .ifPresent(cumulative -> problems.add(Reasons.GRADUATED_OVER_CUMULATIVE)));
    }

    private static void person(RowValues row, YearMonth period, List<String> problems) {
        String id = row.value("id_number", String.class).orElse(null);
        if (id == null) {
            return;
        }
        String gender = IdentityNumber.gender(id);
        LocalDate birth = IdentityNumber.birthDate(id);
        row.value("gender", String.class).filter(g -> !g.equals(gender))
                .ifPresent(g -> problems.add(Reasons.genderMismatch(gender)));
        if (row.value("birth_date", LocalDate.class).isPresent()) {
            // 出生年月 is often given to the month only: then only the month has to agree.
            Values.TextDate given = Values.date(row.raw("birth_date")).orElseThrow();
            boolean agrees = given.monthOnly() ? YearMonth.from(given.date()).equals(YearMonth.from(birth))
                    : given.date().equals(birth);
            if (!agrees) {
                problems.add(Reasons.BIRTH_DATE_MISMATCH);
            }
        }
        if (period != null) {
            int age = Period.between(birth, period.atEndOfMonth()).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                problems.add(Reasons.ageOutOfRange(age));
            }
        }
    }

    private static String header(Template template, String columnId) {
        return template.column(columnId).orElseThrow().header();
    }
}
