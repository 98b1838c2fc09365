/**
 * Stewards' decisions as data: merge or keep apart a doubtful pair, take rows out of a wrong
 * merge, resolve a conflict by choosing a value. Each is recorded (who, when, what, why) in
 * {@code steward_decision} and survives re-runs: the machine never re-links a moved row, and a
 * chosen value overrides every source in survivorship.
 */
package cn.sanshe.pipeline.reconcile.steward;
