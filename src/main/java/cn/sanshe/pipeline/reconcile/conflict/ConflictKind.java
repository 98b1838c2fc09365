package cn.sanshe.pipeline.reconcile.conflict;

/** The conflicts of the issue, each with the master field a steward's choice settles (if any). */
public enum ConflictKind {
    WORKER_TWO_COMMUNITIES("worker", "community_code"),
    CERT_TWO_IDS("worker", null),
    ORG_ACTIVE_BUT_CANCELLED("org", "registry_status"),
    CERT_NOT_IN_REGISTER("worker", null);

    private final String masterKind;
    private final String field;

    ConflictKind(String masterKind, String field) {
        this.masterKind = masterKind;
        this.field = field;
    }

    public String masterKind() {
        return masterKind;
    }

    /** The field a chosen value overrides, or null when resolving only closes the conflict. */
    public String field() {
        return field;
    }
}
