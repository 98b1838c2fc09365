package cn.sanshe.pipeline.console;

/**
 * A record that does not exist or lies outside the user's jurisdiction: both answer 404, so a
 * guessed id tells nobody whether another street's record exists.
 */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String what) {
        super(what);
    }
}
