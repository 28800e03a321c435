package etax.schemas;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small form specs written inline, compiled as the catalog would compile them. */
final class TestForms {

	/** A form with amounts, a flag, a code, a table and a typed and a lax appendix. */
	static final String SMALL = """
			form: 01/TEST
			maTKhai: "1"
			version: "1.0"
			name: {vi: "Thử", en: "Test"}
			circular: 80/2021/TT-BTC
			taxType: GTGT
			filingTypes: [C, B]
			periods: {M: DL20}
			effective: {from: 2022-01-01}
			appendices:
			  - {id: PL_A, body: [{name: a1, type: amount}], rules: []}
			  - {id: PL_LAX}
			body:
			  - {name: ct1, type: amount}
			  - {name: ct2, type: signedAmount}
			  - {name: ct3, type: flag}
			  - {name: ct4, type: code, optional: true}
			  - {name: ct5, type: rate}
			  - table: {name: Bang, row: Dong, columns: [{name: sl, type: count}, {name: gia, type: amount}, {name: tien, type: amount, derive: "sl * gia"}]}
			rules:
			  - {id: T-R1, category: MATH_ERROR, severity: REJECT_AND_STOP, subject: ct1, assert: "ct1 >= 10", message: {vi: "ct1 = {ct1}", en: "ct1 = {ct1}"}, remedy: {vi: v, en: e}, source: constructed, break: {ct1: "1"}}
			  - {id: T-R2, category: MATH_ERROR, severity: REJECT, subject: ct2, assert: "ct2 >= 0", message: {vi: v, en: e}, remedy: {vi: v, en: e}, source: constructed, break: {ct2: "-1"}}
			  - {id: T-R3, category: MATH_ERROR, severity: REJECT, forEach: Bang, subject: tien, assert: "tien == sl * gia", message: {vi: "dòng {tien}", en: "row {tien}"}, remedy: {vi: v, en: e}, source: constructed, break: {tien: "tien + 1"}}
			""";

	private TestForms() {
	}

	static CompiledForm compile(String yaml) {
		Map<String, String> files = Map.of("1/1.0/form.yaml", yaml);
		FormSpecReader reader = new FormSpecReader((path) -> files.containsKey(path)
				? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null);
		return new CompiledForm(reader.read("1/1.0"));
	}

}
