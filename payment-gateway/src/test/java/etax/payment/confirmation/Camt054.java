package etax.payment.confirmation;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Builds camt.054.001.08 notifications the way docs/adr/0005-bank-messages.md maps them, for tests.
 */
final class Camt054 {

	private Camt054() {
	}

	static String notification(String bankCode, String mst, String... entries) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
				  <BkToCstmrDbtCdtNtfctn>
				    <GrpHdr><MsgId>N1</MsgId><CreDtTm>2026-04-20T09:30:00+07:00</CreDtTm></GrpHdr>
				    <Ntfctn>
				      <Id>N1</Id>
				      <Acct><Id><Othr><Id>0011001234567</Id></Othr></Id>
				        <Svcr><FinInstnId><ClrSysMmbId><MmbId>%s</MmbId></ClrSysMmbId></FinInstnId></Svcr></Acct>
				%s
				    </Ntfctn>
				  </BkToCstmrDbtCdtNtfctn>
				</Document>""".formatted(bankCode, Arrays.stream(entries).map((e) -> e.replace("{MST}", mst))
			.collect(Collectors.joining("\n")));
	}

	static String entry(String reference, String status, boolean reversal, @Nullable String original, String subItem,
			long amount) {
		return """
				      <Ntry>
				        <NtryRef>%1$s</NtryRef>
				        <Amt Ccy="VND">%2$d</Amt>
				        <CdtDbtInd>%3$s</CdtDbtInd>%4$s
				        <Sts><Cd>%5$s</Cd></Sts>
				        <BookgDt><Dt>2026-04-20</Dt></BookgDt>
				        <AcctSvcrRef>%1$s</AcctSvcrRef>
				        <NtryDtls><TxDtls>
				          <Refs><EndToEndId>GNT-%1$s</EndToEndId>%6$s</Refs>
				          <RltdPties>
				            <Dbtr><Pty><Id><OrgId><Othr><Id>{MST}</Id><SchmeNm><Cd>TXID</Cd></SchmeNm></Othr></OrgId></Id></Pty></Dbtr>
				            <Cdtr><Pty><Id><OrgId><Othr><Id>0111</Id></Othr></OrgId></Id></Pty></Cdtr>
				            <CdtrAcct><Id><Othr><Id>7111</Id></Othr></Id></CdtrAcct>
				          </RltdPties>
				          <RmtInf><Strd><TaxRmt>
				            <Cdtr><TaxId>1054321</TaxId></Cdtr>
				            <AdmstnZone>79760</AdmstnZone>
				            <Rcrd>
				              <Tp>754</Tp><Ctgy>%7$s</Ctgy>
				              <Prd><Yr>2026</Yr><Tp>QTR1</Tp></Prd>
				              <TaxAmt><TtlAmt Ccy="VND">%2$d</TtlAmt></TaxAmt>
				            </Rcrd>
				          </TaxRmt></Strd></RmtInf>
				        </TxDtls></NtryDtls>
				      </Ntry>""".formatted(reference, amount, reversal ? "CRDT" : "DBIT",
				reversal ? "\n        <RvslInd>true</RvslInd>" : "", status,
				(original != null) ? "<AcctSvcrRef>" + original + "</AcctSvcrRef>" : "", subItem);
	}

}
