/**
 * What every page of the web console shares: accounts with a role and a jurisdiction
 * ({@code users} on the command line, the users page for admins), login and Spring Security
 * (CSRF, session timeout, throttling, headers), the layout, the home page and the errors pages
 * answer with. The pages themselves live with their stage: {@code ingest/rejects} for rejected
 * rows, {@code reconcile/steward} for duplicates, masters, conflicts and the decision history.
 */
package cn.sanshe.pipeline.console;
