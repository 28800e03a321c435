package etax.declaration.submission;

import java.time.Clock;
import java.sql.Timestamp;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records input that was not received: the outcome, the reason, the size, a hash, and who sent it (the
 * caller's token subject and role: an officer sees which filer's attempts were refused). Never the payload:
 * a rejected body may hold anyone's data, or an attack; never the token.
 */
@Component
class IntakeAudit {

	private final JdbcClient jdbc;

	private final Clock clock;

	IntakeAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void notReceived(Caller caller, String outcome, String reason, int sizeBytes, @Nullable String sha256) {
		this.jdbc.sql("""
				INSERT INTO filing.intake_audit (at, outcome, reason, size_bytes, content_sha256, caller_subject, caller_role)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(Timestamp.from(this.clock.instant()), outcome, reason, sizeBytes, sha256, caller.subject(),
					caller.role().name())
			.update();
	}

}
