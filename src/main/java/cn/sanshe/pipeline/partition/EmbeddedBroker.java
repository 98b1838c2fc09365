package cn.sanshe.pipeline.partition;

import java.net.URI;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * An Apache ActiveMQ Artemis broker inside this process, listening on the host and port of
 * {@code pipeline.partitioning.broker-url}: for tests, the demo, and a manager node that is the
 * broker as well. Not persistent: a request in flight when it stops is lost with the job
 * execution that sent it, which operators recover and restart as after any crash.
 */
final class EmbeddedBroker implements InitializingBean, DisposableBean {

    private static final String TMP = System.getProperty("java.io.tmpdir") + "/sanshe-artemis";

    private final String url;
    private EmbeddedActiveMQ server;

    EmbeddedBroker(String url) {
        this.url = url;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        URI uri = URI.create(url);
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory(TMP + "/journal")
                .setBindingsDirectory(TMP + "/bindings")
                .setLargeMessagesDirectory(TMP + "/large")
                .setPagingDirectory(TMP + "/paging")
                .addAcceptorConfiguration("tcp", "tcp://" + uri.getHost() + ":" + uri.getPort());
        server = new EmbeddedActiveMQ().setConfiguration(configuration);
        server.start();
    }

    @Override
    public void destroy() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
