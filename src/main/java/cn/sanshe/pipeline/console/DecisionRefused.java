package cn.sanshe.pipeline.console;

/**
 * A decision the service will not take as asked (409): the record changed since the page was
 * loaded, it was decided otherwise already, or it is another jurisdiction's to decide.
 */
public class DecisionRefused extends RuntimeException {

    public DecisionRefused(String message) {
        super(message);
    }
}
