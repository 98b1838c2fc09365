/**
 * What arrived: the inbox walked in its drop layout {@code <yyyy-MM>/<unit code>/<file>}, every
 * file known by the SHA-256 of its bytes so that a copy under another name is not loaded twice.
 */
package cn.sanshe.pipeline.ingest.inbox;
