package cn.sanshe.pipeline.demo.internal;

import java.util.List;

/** A district, known in the inbox by its 6-digit code. */
public record District(String code, String name, List<Street> streets) {

    public District {
        streets = List.copyOf(streets);
    }
}
