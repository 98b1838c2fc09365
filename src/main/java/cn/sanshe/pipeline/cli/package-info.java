/**
 * The one command line of operations.md (picocli): usage errors and {@code --help} are answered
 * before anything starts; a command that needs the database starts the Spring application around
 * its work and closes it after. Exit status 0 done, 1 the job failed, 2 wrong usage.
 */
package cn.sanshe.pipeline.cli;
