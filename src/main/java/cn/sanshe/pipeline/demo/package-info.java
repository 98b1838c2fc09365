/**
 * The demo city (石家庄市 130100): a generated inbox with every template and the mess clerks
 * really make, and {@code demo}, which runs every stage that exists over it end to end.
 */
package cn.sanshe.pipeline.demo;
