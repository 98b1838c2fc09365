package cn.sanshe.pipeline.console;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times for people, in Beijing time whatever the server's zone. Templates call it as {@code @beijing}. */
@Component("beijing")
public class BeijingTime {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String format(Object time) {
        if (time instanceof Timestamp timestamp) {
            return timestamp.toInstant().atZone(BEIJING).format(FORMAT);
        }
        if (time instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).withZoneSameInstant(BEIJING).format(FORMAT);
        }
        return time == null ? "" : time.toString();
    }
}
