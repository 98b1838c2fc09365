/**
 * Cross-source conflicts, found in SQL over the linked rows and opened for stewards, never
 * guessed: a worker on two communities' rosters in one month, a certificate number under two
 * identity numbers, an organization a street lists as active that the registry has 注销 or 撤销,
 * a certificate a roster claims that the register does not hold. Re-running opens nothing twice.
 */
package cn.sanshe.pipeline.reconcile.conflict;
