package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.util.Map;

/** A rejected row still waiting for a correction, with its source and its cells as read. */
public record OpenReject(long id, TemplateId template, String file, String sheet, int rowNo, String unitCode, String period,
        String reasons, Map<String, String> rawCells) {
}
