package cn.sanshe.pipeline.ingest.validate;

/** Whether a 12-digit division code is in the division reference (codes are never guessed). */
@FunctionalInterface
public interface DivisionLookup {

    boolean exists(String code12);
}
