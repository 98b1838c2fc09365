package cn.sanshe.pipeline.console;

import java.util.Locale;

/** What a user may do inside their jurisdiction. */
public enum Role {
    /** Manages users of their jurisdiction and decides as a steward. */
    ADMIN("管理员"),
    /** Runs the pipeline (operators' console); reads the stewards' pages. */
    OPERATOR("运维人员"),
    /** Fixes rejected rows, decides duplicates and conflicts. */
    STEWARD("数据管理员"),
    /** Leaders: read only. */
    VIEWER("查阅人员");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean decides() {
        return this == ADMIN || this == STEWARD;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("角色应为 admin、operator、steward 或 viewer，实为“" + text + "”");
        }
    }
}
