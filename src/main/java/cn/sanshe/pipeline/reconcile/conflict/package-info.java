/**
 * Cross-source conflicts, opened for stewards, never guessed (per master from the rows
 * survivorship reads, across masters from the certificate numbers it keeps): a worker on two communities' rosters in one month, a certificate number under two
 * identity numbers, an organization a street lists as active that the registry has 注销 or 撤销,
 * a certificate a roster claims that the register does not hold. Re-running opens nothing twice.
 */
package cn.sanshe.pipeline.reconcile.conflict;
