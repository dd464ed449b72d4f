package dev.quartermaster.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection write buffer ({@code QM_HTTP_WRITE_BUFFER}, default 128 KB instead of
 * Tomcat's 8 KB): a model list of 1,000 models (84 KB) then leaves in one socket write instead of
 * eleven, which more than doubles its throughput (bench/models-wrk.md). Costs that much heap per
 * open connection, so open connections are bounded and idle ones closed: {@code QM_HTTP_MAX_CONNECTIONS}
 * and {@code QM_HTTP_IDLE_TIMEOUT}, set as Tomcat's own settings in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class TomcatTuning {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(@Value("${qm.http.write-buffer:128KB}") DataSize size) {
        return connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes()));
    }
}
