package etax.declaration;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule under {@code /api}: a request no role's rule allowed. If a handler would serve it (a known
 * path and method), it is denied: deny by default, so that an operation added without a rule is closed, not
 * open. If none would, there is nothing to protect and an authenticated caller learns what is wrong with
 * the request, as the API answers it: 404 for an unknown path (an operation of another service, a typo),
 * 405 for a method the path does not take. An unauthenticated caller still gets 401 either way.
 */
final class UnmappedRequests implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthenticatedAuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager
		.authenticated();

	private final BeanFactory beans;

	/** @param beans where the handler mapping is, looked up when first needed: it is built after security */
	UnmappedRequests(BeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		if (handled(context.getRequest())) {
			return new AuthorizationDecision(false);
		}
		return this.authenticated.authorize(authentication, context);
	}

	private boolean handled(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = this.beans.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				if (info.getMatchingCondition(request) != null) {
					return true;
				}
			}
			return false;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
