/**
 * The seven templates of sources.md as data (columns, aliases, value kinds) and recognising a
 * sheet's header row as one of them, whatever the clerk did to the header cells. The reporting
 * period a title row names is read here too. No Spring: the catalog is built in code and extended
 * with operators' aliases from configuration by the caller.
 */
package cn.sanshe.pipeline.ingest.template;
