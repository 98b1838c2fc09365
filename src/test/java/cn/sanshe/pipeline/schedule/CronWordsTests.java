package cn.sanshe.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CronWordsTests {

    @Test
    void saysCommonSchedulesInWords() {
        assertThat(CronWords.of("0 0 2 * * ?")).isEqualTo("每天 02:00");
        assertThat(CronWords.of("0 30 1 * * ?")).isEqualTo("每天 01:30");
        assertThat(CronWords.of("0 0 6 3 * ?")).isEqualTo("每月3日 06:00");
        assertThat(CronWords.of("0 0 7 10 1 ?")).isEqualTo("每年1月10日 07:00");
        assertThat(CronWords.of("0 30 1 ? * MON-FRI")).isEqualTo("每周一至周五 01:30");
        assertThat(CronWords.of("0 0 8 ? * MON,WED")).isEqualTo("每周一、三 08:00");
        assertThat(CronWords.of("0 15 * * * ?")).isEqualTo("每小时第 15 分");
        assertThat(CronWords.of("0 0 6 L * ?")).isEqualTo("每月最后一天 06:00");
    }

    @Test
    void givesWhatItCannotSaySimplyAsItIs() {
        assertThat(CronWords.of("0 0/5 8-18 * * ?")).isEqualTo("0 0/5 8-18 * * ?");
        assertThat(CronWords.of("0 0 2 1-7 * ?")).isEqualTo("0 0 2 1-7 * ?");
    }
}
