package cn.sanshe.pipeline.jobs;

/** The host name runs are recorded under, for other stages' logs. */
public final class RunOwnerRecorderAccess {

    private RunOwnerRecorderAccess() {
    }

    public static String host() {
        return RunOwnerRecorder.thisHost();
    }
}
