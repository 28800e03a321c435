package etax.declaration.submission;

import java.util.List;

import etax.schemas.Finding;

/**
 * A return that was not received (01-1/TB-TĐT "không tiếp nhận"): schema-invalid, an unknown form
 * version or a wrong envelope. Nothing was stored.
 */
public final class ReturnNotReceivedException extends RuntimeException {

	private final List<Finding> findings;

	ReturnNotReceivedException(List<Finding> findings) {
		super("Return not received: " + findings.size() + " finding(s)");
		this.findings = List.copyOf(findings);
	}

	public List<Finding> findings() {
		return this.findings;
	}

}
