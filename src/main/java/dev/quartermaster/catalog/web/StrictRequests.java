package dev.quartermaster.catalog.web;

import dev.quartermaster.catalog.ArtifactRequests;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * The v5 request bodies refuse fields they do not know: a misspelt filter or field must not be
 * silently ignored (a search that ignores {@code filter_provder_ids} answers the wrong question).
 */
@Configuration(proxyBeanMethods = false)
class StrictRequests implements WebMvcConfigurer {

    private static final List<Class<?>> TYPES = List.of(ArtifactRequests.GetModel.class, ArtifactRequests.Search.class,
            ArtifactRequests.CreateModels.class, ArtifactRequests.UpdateModels.class, ArtifactRequests.Duplicate.class,
            ArtifactRequests.Delete.class, ArtifactRequests.Docs.class, ArtifactRequests.Export.class);

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof JacksonJsonHttpMessageConverter json) {
                var strict = json.getMapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
                for (Class<?> type : TYPES) {
                    json.registerMappersForType(type, mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
                }
            }
        }
    }
}
