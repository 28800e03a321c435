package etax.declaration.submission;

import etax.schemas.FormCatalog;
import etax.schemas.ParserLimits;
import etax.schemas.ReturnValidator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeSigningProperties.class)
class SubmissionConfiguration {

	/** The tax authority's key for XML notices. */
	@Bean
	NoticeSigningKey noticeSigningKey(NoticeSigningProperties properties) {
		return NoticeSigningKey.load(properties);
	}

	/** One validator for the process: it caches the compiled schemas and pools the parsers. */
	@Bean
	ReturnValidator returnValidator(SubmissionProperties properties) {
		ParserLimits defaults = ParserLimits.defaults();
		return new ReturnValidator(FormCatalog.load(), new ParserLimits((int) properties.maxReturnSize().toBytes(),
				defaults.maxDepth(), defaults.maxElements()));
	}

}
