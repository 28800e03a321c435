package etax.declaration.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import etax.declaration.calendar.Deadlines;
import etax.schemas.Finding;
import etax.schemas.FormVersion;
import etax.schemas.Validation;

/**
 * R-ENV-3 as the intake applies it (VN-ETAX §3.1: the version in force at the submission date). The validator, which
 * knows no filing day, refuses a version whose range does not cover the first day of the declared period (ENV-3),
 * which keeps an old version receivable for the supplements of its periods; the intake receives the version too when
 * its range covers the day the return is filed on. A return of the last period before a new version, filed once the
 * new version is in force and on it, is not refused; a version neither in force nor covering the period is.
 */
final class VersionInForce {

	static final String RULE = "ENV-3";

	private VersionInForce() {
	}

	/**
	 * @param receivable the validator's answer on a return
	 * @param receivedAt its postmark
	 * @return the validator's findings, without ENV-3 when the version is in force on the filing day (in Vietnam)
	 */
	static List<Finding> judged(Validation.Receivable receivable, Instant receivedAt) {
		return judged(receivable.findings(), receivable.document().form(),
				receivedAt.atZone(Deadlines.VIETNAM).toLocalDate());
	}

	static List<Finding> judged(List<Finding> findings, FormVersion form, LocalDate filedOn) {
		if (!form.isInForceOn(filedOn)) {
			return findings;
		}
		return findings.stream().filter((finding) -> !RULE.equals(finding.ruleId())).toList();
	}

}
