package cn.sanshe.pipeline.ingest.read;

/**
 * A file that cannot be read as a whole (empty, corrupt, hostile, undetectable encoding). The
 * message is the reason, in Chinese words a street clerk understands.
 */
public class FileRefusedException extends Exception {

    public FileRefusedException(String reason) {
        super(reason);
    }

    public FileRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
