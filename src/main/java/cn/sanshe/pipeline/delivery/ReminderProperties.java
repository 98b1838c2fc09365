package cn.sanshe.pipeline.delivery;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders to streets that have not sent a month's templates: {@code pipeline.reminders} in
 * {@code jobs/reminders.yml}.
 *
 * @param afterDays        a month's missing templates are asked for this many days after its end
 *                         (counted in Beijing time); a template is missing only after its due day
 *                         ({@code pipeline.submissions.due-days}), so below that it waits for it
 * @param months           how many months back a run looks (the month before this one and earlier)
 * @param templates        which street templates are asked for (S1–S4)
 * @param howToSend        the mail's line on how to send; {@code {month}} and {@code {unit}} are filled in
 * @param contacts         each street's contacts, by its 9-digit code
 * @param districtContacts a district's contacts (6 digits) for its streets that have none of their own
 */
@ConfigurationProperties("pipeline.reminders")
public record ReminderProperties(Integer afterDays, Integer months, List<String> templates, String howToSend,
        List<Contact> contacts, List<Contact> districtContacts) {

    static final List<String> STREET_TEMPLATES = List.of("S1", "S2", "S3", "S4");

    public ReminderProperties {
        afterDays = afterDays == null ? 7 : afterDays;
        if (afterDays < 0 || afterDays > 60) {
            throw new IllegalArgumentException("pipeline.reminders.after-days 须在 0 到 60 之间：" + afterDays);
        }
        months = months == null ? 3 : months;
        if (months < 1 || months > 12) {
            throw new IllegalArgumentException("pipeline.reminders.months 须在 1 到 12 之间：" + months);
        }
        templates = templates == null || templates.isEmpty() ? STREET_TEMPLATES
                : templates.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
        for (String template : templates) {
            if (!STREET_TEMPLATES.contains(template)) {
                throw new IllegalArgumentException("pipeline.reminders.templates 只能是街道报表 S1、S2、S3、S4：" + template);
            }
        }
        howToSend = howToSend == null || howToSend.isBlank()
                ? "请把填好的报表（.xlsx、.xls 或 .csv）放入报送文件夹 {month}/{unit}/ 下（{month} 为报表月份，"
                        + "{unit} 为本街道代码，文件名不限），例如 {month}/{unit}/报表.xlsx。"
                : howToSend.strip();
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        districtContacts = districtContacts == null ? List.of() : List.copyOf(districtContacts);
        for (Contact contact : contacts) {
            if (contact.street() == null || !contact.street().matches("\\d{9}")) {
                throw new IllegalArgumentException("pipeline.reminders.contacts: street 须为街道的9位代码（如 \"130102001\"）："
                        + contact.street() + "（" + contact.address() + "）");
            }
        }
        for (Contact contact : districtContacts) {
            if (contact.district() == null || !contact.district().matches("\\d{6}")) {
                throw new IllegalArgumentException("pipeline.reminders.district-contacts: district 须为区县的6位代码（如 \"130102\"）："
                        + contact.district() + "（" + contact.address() + "）");
            }
        }
    }

    /** The contacts of a street: its own, else its district's, else none. */
    List<Contact> contactsOf(String street) {
        List<Contact> own = contacts.stream().filter(c -> street.equals(c.street())).toList();
        return !own.isEmpty() ? own
                : districtContacts.stream().filter(c -> street.startsWith(c.district())).toList();
    }

    /**
     * Someone a reminder is mailed to: a street's (street set) or a district's default (district set).
     * {@code name} is how the mail greets them.
     */
    public record Contact(String street, String district, String name, String address) {

        public Contact {
            if (address == null || !address.contains("@")) {
                throw new IllegalArgumentException("pipeline.reminders: 联系人地址无效：" + address);
            }
            address = address.trim().toLowerCase(Locale.ROOT);
            street = street == null ? null : street.strip();
            district = district == null ? null : district.strip();
            name = name == null || name.isBlank() ? address : name.strip();
        }
    }
}
