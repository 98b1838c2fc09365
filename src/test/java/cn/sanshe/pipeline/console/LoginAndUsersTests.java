package cn.sanshe.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Accounts and login: {@code users add|list|disable} on the command line, Spring Security's form
 * login at /login (username, password, _csrf), passwords only as BCrypt hashes, a lock after
 * repeated failures (logged), a disabled account refused, strict headers, a session timeout.
 */
@SpringBootTest
class LoginAndUsersTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsoleUsers users;

    @Autowired
    Environment environment;

    @Autowired
    cn.sanshe.pipeline.reference.DivisionLoader divisions;

    MockMvc mvc;

    @BeforeEach
    void clean() throws Exception {
        // jurisdictions are checked against the division reference: load the demo city's if this runs first
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = '130100000000'", Integer.class);
        if (city == null || city == 0) {
            divisions.load(java.nio.file.Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        }
        jdbc.update("DELETE FROM console_user");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void usersAreAddedListedAndDisabledFromTheCommandLine() throws Exception {
        assertThat(run("secret-password-1\n", "users", "add", "wang", "--role", "steward", "--jurisdiction",
                "130102001000", "--password-stdin")).startsWith("0:").contains("建北街道");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM console_user WHERE username = 'wang'", String.class))
                .startsWith("{bcrypt}").doesNotContain("secret-password-1");
        assertThat(jdbc.queryForObject("SELECT jurisdiction FROM console_user WHERE username = 'wang'", String.class))
                .isEqualTo("130102001");
        assertThat(run("", "users", "add", "li", "--role", "boss", "--jurisdiction", "1301", "--password-stdin"))
                .startsWith("2:").contains("角色");
        assertThat(run("", "users", "list")).startsWith("0:").contains("wang").contains("数据管理员").contains("建北街道");
        assertThat(login("wang", "secret-password-1").getRedirectedUrl()).isEqualTo("/");
        assertThat(run("", "users", "disable", "wang")).startsWith("0:");
        assertThat(login("wang", "secret-password-1").getRedirectedUrl()).isEqualTo("/login?disabled");
    }

    @Test
    void repeatedFailuresLockTheAccountAndTheLockIsLogged() throws Exception {
        users.add("zhao", Role.STEWARD, new Jurisdiction("130102001"), "right-password-1", false);
        assertThat(login("zhao", "right-password-1").getRedirectedUrl()).isEqualTo("/");
        for (int i = 0; i < ConsoleUsers.MAX_FAILURES; i++) {
            assertThat(login("zhao", "wrong-" + i).getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(login("zhao", "right-password-1").getRedirectedUrl()).isEqualTo("/login?locked");
        assertThat(Files.readString(Path.of("target/test.log"), StandardCharsets.UTF_8))
                .contains("console user zhao locked for 15 minutes after 5 failed logins");
    }

    @Test
    void pagesNeedALoginAndCarryStrictHeaders() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get("/rejects")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"_csrf\"").contains("name=\"username\"")
                .contains("name=\"password\"");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        // A login post without the CSRF token is refused.
        assertThat(mvc.perform(post("/login").param("username", "x").param("password", "y")).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn().getResponse();
    }

    private static String run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int status = CommandLineFrame.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return status + ":" + out + err;
        } finally {
            System.setIn(original);
        }
    }
}
