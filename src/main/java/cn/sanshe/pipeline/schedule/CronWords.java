package cn.sanshe.pipeline.schedule;

import java.util.List;
import java.util.Map;

/**
 * A Quartz cron expression said in words for people: {@code 0 0 2 * * ?} is 每天 02:00,
 * {@code 0 0 6 3 * ?} 每月3日 06:00, {@code 0 0 7 10 1 ?} 每年1月10日 07:00,
 * {@code 0 30 1 ? * MON-FRI} 每周一至周五 01:30. What it cannot say simply it gives as it is.
 */
public final class CronWords {

    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Map<String, String> DAY_NAMES = Map.of("SUN", "日", "MON", "一", "TUE", "二", "WED", "三",
            "THU", "四", "FRI", "五", "SAT", "六");

    private CronWords() {
    }

    public static String of(String cron) {
        if (cron == null || cron.isBlank()) {
            return "";
        }
        String[] f = cron.strip().split("\\s+");
        if (f.length < 6 || !f[0].matches("\\d+") || !f[1].matches("\\d+")) {
            return cron;
        }
        String minute = f[1];
        String hour = f[2];
        String dayOfMonth = f[3];
        String month = f[4];
        String dayOfWeek = f[5];
        String time;
        if (hour.matches("\\d+")) {
            time = String.format("%02d:%02d", Integer.parseInt(hour), Integer.parseInt(minute));
        } else if (hour.equals("*")) {
            return "每小时第 " + Integer.parseInt(minute) + " 分";
        } else {
            return cron;
        }
        boolean anyDay = dayOfMonth.equals("*") || dayOfMonth.equals("?");
        boolean anyWeekday = dayOfWeek.equals("*") || dayOfWeek.equals("?");
        if (month.equals("*") && anyDay && anyWeekday) {
            return "每天 " + time;
        }
        if (month.equals("*") && anyDay) {
            String days = weekdays(dayOfWeek);
            return days == null ? cron : "每周" + days + " " + time;
        }
        if (month.equals("*") && anyWeekday && dayOfMonth.matches("\\d+")) {
            return "每月" + Integer.parseInt(dayOfMonth) + "日 " + time;
        }
        if (month.equals("*") && anyWeekday && dayOfMonth.equals("L")) {
            return "每月最后一天 " + time;
        }
        if (month.matches("\\d+") && anyWeekday && dayOfMonth.matches("\\d+")) {
            return "每年" + Integer.parseInt(month) + "月" + Integer.parseInt(dayOfMonth) + "日 " + time;
        }
        return cron;
    }

    private static String weekdays(String field) {
        String text = field.toUpperCase();
        if (text.matches("[A-Z]{3}-[A-Z]{3}") && DAY_NAMES.containsKey(text.substring(0, 3))
                && DAY_NAMES.containsKey(text.substring(4))) {
            return DAY_NAMES.get(text.substring(0, 3)) + "至周" + DAY_NAMES.get(text.substring(4));
        }
        StringBuilder names = new StringBuilder();
        for (String part : text.split(",")) {
            String name = part.matches("[1-7]") ? DAYS.get(Integer.parseInt(part) - 1) : part;
            if (!DAY_NAMES.containsKey(name)) {
                return null;
            }
            names.append(names.isEmpty() ? "" : "、").append(DAY_NAMES.get(name));
        }
        return names.toString();
    }
}
