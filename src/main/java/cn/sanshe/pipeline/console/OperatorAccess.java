package cn.sanshe.pipeline.console;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may watch and steer the pipeline in the console (issue 16). Runs and schedules belong to the
 * whole deployment, not to a street: operators and admins read them; restarting, stopping,
 * recovering, pausing, resuming and triggering also need a jurisdiction that covers the whole
 * deployment (a city or a province), since a run touches every district. Everybody else gets 403.
 */
public final class OperatorAccess {

    private OperatorAccess() {
    }

    public static boolean operates(ConsoleUser user) {
        return user != null && (user.role() == Role.OPERATOR || user.role() == Role.ADMIN);
    }

    /** Whether the user may act on runs and schedules (operator or admin of a city or province). */
    public static boolean steers(ConsoleUser user) {
        return operates(user) && user.jurisdiction().prefix().length() <= 4;
    }

    public static void requireOperator(ConsoleUser user) {
        if (!operates(user)) {
            throw new AccessDeniedException("运行与计划只对运维人员和管理员开放");
        }
    }

    public static void requireSteering(ConsoleUser user) {
        if (!steers(user)) {
            throw new AccessDeniedException("重启、停止、暂停与立即运行需要市级运维人员或管理员");
        }
    }
}
