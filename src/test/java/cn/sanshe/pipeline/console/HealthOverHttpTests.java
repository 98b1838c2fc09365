package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.ResourceUtils;

/**
 * /actuator/health with liveness and readiness (database, scheduler, inbox, mail) for anyone, its
 * details for operators; /actuator/prometheus for this machine and signed-in operators, with the
 * job, step and item metrics and HTTP; nothing else of Actuator.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class HealthOverHttpTests {


    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    ConsoleUsers users;

    @Autowired
    PipelineProperties paths;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        OpsTestSupport.users(jdbc, divisions, users);
        Files.createDirectories(paths.inbox());
    }

    @Test
    void healthLivenessAndReadinessAnswerAnyoneWithTheirComponents() throws Exception {
        MvcResult health = mvc.perform(remote(get("/actuator/health"))).andReturn();
        String body = health.getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Commands other than serve hold the scheduler in standby: OUT_OF_SERVICE, so 503.
        assertThat(health.getResponse().getStatus()).isIn(200, 503);
        assertThat(body).contains("\"db\"").contains("\"scheduler\"").contains("\"inbox\"").contains("\"mail\"")
                .doesNotContain("\"path\"");
        assertThat(mvc.perform(remote(get("/actuator/health/liveness"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
        String readiness = mvc.perform(remote(get("/actuator/health/readiness"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(readiness).contains("\"db\"").contains("\"scheduler\"").contains("\"inbox\"").contains("\"mail\"");

        String detailed = mvc.perform(get("/actuator/health").with(as(users, "operator-city"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detailed).contains("\"path\"").contains("\"clustered\":true").contains("\"mode\":\"outbox\"");
    }

    @Test
    void prometheusIsForThisMachineAndOperatorsOnly() throws Exception {
        divisions.load(ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath());
        mvc.perform(get("/runs").with(as(users, "operator-city")));
        MvcResult local = mvc.perform(get("/actuator/prometheus")).andReturn();
        assertThat(local.getResponse().getStatus()).isEqualTo(200);
        String metrics = local.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(metrics).contains("pipeline_job_seconds_count{job=\"divisionLoadJob\"")
                .contains("pipeline_step_seconds").contains("pipeline_step_items_total").contains("http_server_requests");

        assertThat(mvc.perform(remote(get("/actuator/prometheus"))).andReturn().getResponse().getStatus())
                .as("anonymous from another machine").isEqualTo(401);
        assertThat(mvc.perform(remote(get("/actuator/prometheus").header("X-Forwarded-For", "10.0.0.9"))).andReturn()
                .getResponse().getStatus()).as("through a proxy").isEqualTo(401);
        for (String who : new String[] {"viewer-city", "steward-streetA"}) {
            assertThat(mvc.perform(remote(get("/actuator/prometheus")).with(as(users, who))).andReturn().getResponse()
                    .getStatus()).as(who).isEqualTo(403);
        }
        for (String who : new String[] {"operator-city", "operator-district", "admin-city"}) {
            assertThat(mvc.perform(remote(get("/actuator/prometheus")).with(as(users, who))).andReturn().getResponse()
                    .getStatus()).as(who).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/actuator/env")).andReturn().getResponse().getStatus()).isIn(401, 403, 404);
        assertThat(mvc.perform(get("/actuator/beans").with(as(users, "admin-city"))).andReturn().getResponse()
                .getStatus()).isIn(403, 404);
    }

    private static MockHttpServletRequestBuilder remote(MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr("10.1.2.3");
            return r;
        });
    }
}
