package cn.sanshe.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobFailureMailTests {

    @Test
    void masksIdentityNumbersAReasonMightQuote() {
        assertThat(JobFailureMail.mask("第3行 身份证号 13010219900307002X 重复；旧号 130102900307002"))
                .isEqualTo("第3行 身份证号 [已隐去] 重复；旧号 [已隐去]");
        assertThat(JobFailureMail.mask("执行号 12345，统一社会信用代码 51130100MJ0000001X"))
                .isEqualTo("执行号 12345，统一社会信用代码 51130100MJ0000001X");
    }
}
