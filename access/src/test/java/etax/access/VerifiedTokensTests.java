package etax.access;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private final AtomicInteger verifications = new AtomicInteger();

	private final AtomicBoolean expired = new AtomicBoolean();

	private final OAuth2TokenValidator<Jwt> validator = (jwt) -> this.expired.get()
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
			: OAuth2TokenValidatorResult.success();

	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("forged")) {
			throw new BadJwtException("bad signature");
		}
		Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token).build();
		if (this.validator.validate(jwt).hasErrors()) {
			throw new JwtValidationException("expired", this.validator.validate(jwt).getErrors());
		}
		return jwt;
	};

	@Test
	void verifiesAGivenTokenOnce() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 10);

		assertThat(tokens.decode("a").getSubject()).isEqualTo("a");
		assertThat(tokens.decode("a").getSubject()).isEqualTo("a");
		assertThat(tokens.decode("b").getSubject()).isEqualTo("b");

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void refusesARememberedTokenOnceItNoLongerValidates() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 10);
		tokens.decode("a");

		this.expired.set(true);

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("a"));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("a"));
	}

	@Test
	void neverRemembersARefusedToken() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 10);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void remembersAtMostItsCapacity() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 2);
		tokens.decode("a");
		tokens.decode("b");
		tokens.decode("c");
		tokens.decode("c");

		tokens.decode("a");

		assertThat(this.verifications).hasValue(4);
	}

	@Test
	void verifiesARememberedTokensSignatureAgainOnceInAWhile() {
		AtomicLong now = new AtomicLong();
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 10, Duration.ofMinutes(5), now::get);
		tokens.decode("a");
		now.addAndGet(Duration.ofMinutes(4).toNanos());
		tokens.decode("a");
		assertThat(this.verifications).hasValue(1);

		now.addAndGet(Duration.ofMinutes(2).toNanos());
		tokens.decode("a");

		assertThat(this.verifications).as("its key may have been withdrawn since").hasValue(2);
	}

}
