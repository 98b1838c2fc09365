/**
 * The demo inbox generator behind {@link cn.sanshe.pipeline.demo.DemoInbox}: a small simulated
 * city (organizations, workers, facilities that persist from month to month), the seven
 * templates rendered as clerks fill them in, and the writers for xlsx, xls and csv.
 * Everything is derived from the seed through keyed random streams, so a file's content does not
 * depend on which other months or units were written alongside it.
 */
package cn.sanshe.pipeline.demo.internal;
