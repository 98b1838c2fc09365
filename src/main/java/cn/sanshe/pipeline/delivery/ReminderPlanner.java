package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.delivery.DeliveryLog.Key;
import cn.sanshe.pipeline.delivery.ReminderProperties.Contact;
import cn.sanshe.pipeline.ingest.submissions.Submissions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who is to be reminded on a day: the months of the window whose reminder day has come, and in
 * each the streets whose templates the submissions grid calls missing (its rule, not a second
 * one), with their contacts from {@code jobs/reminders.yml}.
 */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderPlanner {

    private final Submissions submissions;
    private final ReminderProperties properties;
    private final Places places;

    ReminderPlanner(Submissions submissions, ReminderProperties properties, Places places) {
        this.submissions = submissions;
        this.properties = properties;
        this.places = places;
    }

    /** A street's missing templates of a month, and whom to ask. */
    record Due(String street, String streetName, String districtName, YearMonth month, List<String> templates,
            List<Contact> contacts) {

        String edition() {
            return DeliveryLog.REMINDER + street;
        }

        Key key(Contact contact) {
            return new Key(edition(), month.toString(), Reminders.KIND, contact.address());
        }

        /** 长安区建北街道 */
        String place() {
            return districtName + streetName;
        }
    }

    /**
     * What a run on {@code today} would ask for: the months whose reminder day has come and the
     * streets missing templates in them; the months still waiting for their day.
     */
    record Plan(LocalDate today, List<YearMonth> months, List<YearMonth> notYet, List<Due> due) {

        List<Due> withoutContact() {
            return due.stream().filter(d -> d.contacts().isEmpty()).toList();
        }
    }

    /** The first day a month's missing templates are asked for (Beijing time). */
    public LocalDate remindOn(YearMonth month) {
        return month.atEndOfMonth().plusDays(properties.afterDays());
    }

    public LocalDate today() {
        return submissions.today();
    }

    /** The months a run looks at: {@code only}, or the configured number of months before today's. */
    List<YearMonth> window(LocalDate today, YearMonth only) {
        if (only != null) {
            return List.of(only);
        }
        List<YearMonth> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int back = properties.months(); back >= 1; back--) {
            months.add(current.minusMonths(back));
        }
        return months;
    }

    Plan plan(LocalDate today, YearMonth only) {
        List<YearMonth> months = new ArrayList<>();
        List<YearMonth> notYet = new ArrayList<>();
        List<Due> due = new ArrayList<>();
        for (YearMonth month : window(today, only)) {
            if (today.isBefore(remindOn(month))) {
                notYet.add(month);
                continue;
            }
            months.add(month);
            Submissions.Grid grid = submissions.streets(month, today);
            for (Submissions.Unit street : grid.units()) {
                List<String> missing = properties.templates().stream()
                        .filter(t -> grid.cell(street.code(), month, t).missing()).toList();
                if (!missing.isEmpty()) {
                    due.add(new Due(street.code(), street.name(), places.name(street.code().substring(0, 6)), month,
                            missing, properties.contactsOf(street.code())));
                }
            }
        }
        return new Plan(today, months, notYet, due);
    }

    static String line(Due due) {
        return due.month() + " " + due.place() + " 未报 " + String.join("、", due.templates());
    }

    /** The last line: what was (or would be) sent, and who could not be asked. */
    String totals(Plan plan, long sent, long before) {
        StringBuilder text = new StringBuilder();
        text.append("催报月份：").append(plan.months().isEmpty() ? "无" : String.join("、",
                plan.months().stream().map(YearMonth::toString).toList()));
        text.append("；未报的街道×月份 ").append(plan.due().size()).append(" 个");
        if (sent >= 0) {
            text.append("；本次发出催报邮件 ").append(sent).append(" 封，此前已发 ").append(before).append(" 封");
        }
        text.append("；无联系人 ").append(plan.withoutContact().size()).append(" 个");
        for (YearMonth month : plan.notYet()) {
            text.append("；").append(month).append(" 未到催报日（").append(remindOn(month)).append(" 起）");
        }
        return text.toString();
    }

    ReminderProperties properties() {
        return properties;
    }

    /** Days after a month's end its templates are due (the grid's due day). */
    int dueDays() {
        return submissions.dueDays();
    }
}
