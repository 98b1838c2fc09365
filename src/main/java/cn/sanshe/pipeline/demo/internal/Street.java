package cn.sanshe.pipeline.demo.internal;

import java.util.List;

/** A street or township, known in the inbox by its 9-digit code. */
public record Street(String code, String name, String districtCode, List<Community> communities) {

    public Street {
        communities = List.copyOf(communities);
    }

    /** 建北 for 建北街道, 高营 for 高营镇: how filing numbers abbreviate the office. */
    String shortName() {
        return name.replaceFirst("(街道|镇|乡)$", "");
    }

    boolean township() {
        return name.endsWith("镇") || name.endsWith("乡");
    }
}
