/**
 * Reference data every record hangs from: the division tree (statistical division codes, the
 * jurisdiction of every street, district and city) and the target profiles of the policy
 * documents. {@code divisions load FILE} brings in a city's division CSV, all of it or none.
 */
package cn.sanshe.pipeline.reference;
