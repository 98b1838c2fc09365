package cn.sanshe.pipeline.console;

/**
 * A queue of work a stage offers the console's home page (rejects, review pairs, conflicts):
 * the home page lists every one, counted within the user's jurisdiction by the stage itself.
 */
public interface ConsoleQueue {

    /** The message key of its title. */
    String titleKey();

    /** Where its page is. */
    String path();

    /** Open items inside the jurisdiction. */
    long open(Jurisdiction jurisdiction);

    /** Order on the home page. */
    int order();
}
