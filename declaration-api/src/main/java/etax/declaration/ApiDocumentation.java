package etax.declaration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says of the API as a whole: every operation needs a bearer token (a JWT of the
 * e-tax identity provider, ADR 0012), so that generated clients send one.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "e-tax declaration API", version = "v1"),
		security = @SecurityRequirement(name = ApiDocumentation.BEARER))
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ApiDocumentation {

	static final String BEARER = "bearer";

}
