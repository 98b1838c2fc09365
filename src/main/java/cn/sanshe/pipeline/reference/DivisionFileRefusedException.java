package cn.sanshe.pipeline.reference;

/** A division CSV that cannot be loaded as a whole; the message says why, line by line. */
public class DivisionFileRefusedException extends RuntimeException {

    public DivisionFileRefusedException(String message) {
        super(message);
    }
}
