package etax.schemas;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A schema-valid return: what other modules store and assess. It is never a JAXB or DOM type.
 *
 * @param header the envelope fields
 * @param form the catalog entry the return was validated against
 * @param indicators every leaf under {@code CTieuTKhaiChinh} by local name, in document order, with its
 * trimmed text (empty string for a self-closed element), e.g. {@code ct40 -> 22000000}; leaves inside group
 * elements are included. If a name repeats, later occurrences are keyed {@code name[2]}, {@code name[3]}, …
 * @param declaredChanges the rows of a supplementary return's explanation (01-1/KHBS), in document order;
 * empty for other returns
 * @param refundClawback the refund its summary (01/KHBS section B) declares to pay back; {@code null} when it
 * declares none ([14] absent or 0, or no 01/KHBS)
 * @param sha256 lower-case hex SHA-256 of the return's content ({@code HSoKhaiThue} in a canonical form that
 * ignores the signature and the formatting), for retry safety and de-duplication
 * @param xml the raw bytes as received (a private copy; do not modify the array returned)
 */
public record ReturnDocument(ReturnHeader header, FormVersion form, Map<String, String> indicators,
		List<DeclaredChange> declaredChanges, @Nullable RefundClawback refundClawback, String sha256, byte[] xml) {

	public ReturnDocument {
		Objects.requireNonNull(header, "header");
		Objects.requireNonNull(form, "form");
		Objects.requireNonNull(sha256, "sha256");
		indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
		declaredChanges = List.copyOf(declaredChanges);
		xml = xml.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReturnDocument that && this.header.equals(that.header) && this.form.equals(that.form)
				&& this.indicators.equals(that.indicators) && this.declaredChanges.equals(that.declaredChanges)
				&& Objects.equals(this.refundClawback, that.refundClawback)
				&& this.sha256.equals(that.sha256)
				&& Arrays.equals(this.xml, that.xml);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.header, this.form, this.indicators, this.declaredChanges, this.refundClawback,
				this.sha256);
	}

	@Override
	public String toString() {
		return "ReturnDocument[header=" + this.header + ", form=" + this.form.formCode() + " " + this.form.version()
				+ ", indicators=" + this.indicators.size() + ", sha256=" + this.sha256 + ", bytes=" + this.xml.length
				+ "]";
	}

}
