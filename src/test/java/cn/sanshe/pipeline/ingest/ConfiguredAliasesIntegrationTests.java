package cn.sanshe.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A district's own header wording, added in configuration, is recognised without a code change. */
@SpringBootTest(properties = "pipeline.ingest.aliases.S3.id_number=居民身份证件号")
class ConfiguredAliasesIntegrationTests {

    @Autowired
    TemplateCatalog catalog;

    @Test
    void anAliasFromConfigurationMatchesAHeader() {
        SheetRow header = new SheetRow(3, List.of("姓名", "居民身份证件号", "所属社区代码"));

        assertThat(catalog.recognise(header)).hasValueSatisfying(match -> {
            assertThat(match.template().id()).isEqualTo(TemplateId.S3);
            assertThat(match.columnIndex()).containsEntry("id_number", 1);
        });
        assertThat(TemplateCatalog.standard().recognise(header)).isEmpty();
    }
}
