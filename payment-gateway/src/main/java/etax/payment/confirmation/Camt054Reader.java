package etax.payment.confirmation;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import static etax.payment.confirmation.RejectionReason.INVALID_FIELD;
import static etax.payment.confirmation.RejectionReason.MALFORMED_XML;
import static etax.payment.confirmation.RejectionReason.MISSING_FIELD;
import static etax.payment.confirmation.RejectionReason.UNSUPPORTED_STATUS;

/**
 * Reads an ISO 20022 camt.054 (bank-to-customer debit/credit notification, any version
 * {@code camt.054.001.*}) into confirmations, one per entry ({@code Ntry}); the mapping is in
 * docs/adr/0005-bank-messages.md. Parsing is secure: DOCTYPE declarations are refused (so no entity
 * can be declared or fetched), no external DTD or schema is read, and secure processing limits apply.
 * The message is all or nothing: one broken entry rejects it.
 */
final class Camt054Reader {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.";

	private static final int MAX_ENTRIES = 1000;

	private static final ErrorHandler SILENT = new ErrorHandler() {
		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) throws SAXException {
			throw ex;
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}
	};

	private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(Camt054Reader::newBuilder);

	List<BankConfirmation> read(@Nullable String key, @Nullable String value) {
		List<BankConfirmation> confirmations = readUnkeyed(value);
		confirmations.forEach((c) -> Vouchers.checked(key, c));
		return confirmations;
	}

	/** Reads and checks everything but the record key. */
	List<BankConfirmation> readUnkeyed(@Nullable String value) {
		Element notification = parse(value);
		Instant sentAt = instant(required(notification, "GrpHdr/CreDtTm", "GrpHdr/CreDtTm"), "GrpHdr/CreDtTm");
		List<BankConfirmation> confirmations = new ArrayList<>();
		for (Element ntfctn : children(notification, "Ntfctn")) {
			String bankCode = Vouchers.check(text(ntfctn, "Acct/Svcr/FinInstnId/ClrSysMmbId/MmbId"),
					"Ntfctn/Acct/Svcr/FinInstnId/ClrSysMmbId/MmbId", Vouchers.BANK_CODE, "8 digits");
			for (Element entry : children(ntfctn, "Ntry")) {
				if (confirmations.size() == MAX_ENTRIES) {
					throw new InvalidConfirmationException(INVALID_FIELD, "at most " + MAX_ENTRIES + " entries");
				}
				confirmations.add(Vouchers.consistent(entry(bankCode, sentAt, entry, "Ntry[" + confirmations.size() + "]/")));
			}
		}
		if (confirmations.isEmpty()) {
			throw new InvalidConfirmationException(MISSING_FIELD, "the notification has no entry (Ntfctn/Ntry)");
		}
		return confirmations;
	}

	private static BankConfirmation entry(String bankCode, Instant sentAt, Element entry, String at) {
		Element amount = required(entry, "Amt", at + "Amt");
		Element tx = required(entry, "NtryDtls/TxDtls", at + "NtryDtls/TxDtls");
		String tp = at + "NtryDtls/TxDtls/";
		boolean reversal = reversal(entry, at);
		creditOrDebit(entry, reversal, at);
		String statusCode = (text(entry, "Sts/Cd") != null) ? text(entry, "Sts/Cd") : text(entry, "Sts");
		BankConfirmation.Status status = switch ((statusCode != null) ? statusCode : "") {
			case "BOOK" -> reversal ? BankConfirmation.Status.REVERSED : BankConfirmation.Status.DEBITED;
			case "PDNG" -> BankConfirmation.Status.PENDING;
			default -> throw new InvalidConfirmationException(UNSUPPORTED_STATUS, at + "Sts must be BOOK or PDNG");
		};
		String day = (text(entry, "BookgDt/Dt") != null) ? text(entry, "BookgDt/Dt") : text(entry, "ValDt/Dt");
		String debtor = party(tx, "RltdPties/Dbtr");
		String ultimate = party(tx, "RltdPties/UltmtDbtr");
		Element tax = required(tx, "RmtInf/Strd/TaxRmt", tp + "RmtInf/Strd/TaxRmt");
		String rate = text(tx, "AmtDtls/InstdAmt/CcyXchg/XchgRate");
		return new BankConfirmation(bankCode,
				Vouchers.check(text(entry, "AcctSvcrRef"), at + "AcctSvcrRef", Vouchers.REFERENCE, Vouchers.REFERENCE_RULE),
				Vouchers.check(text(tx, "Refs/EndToEndId"), tp + "Refs/EndToEndId", Vouchers.REFERENCE,
						Vouchers.REFERENCE_RULE),
				Vouchers.mst((ultimate != null) ? ultimate : debtor, tp + "RltdPties/Dbtr"),
				(ultimate != null && debtor != null) ? Vouchers.mst(debtor, tp + "RltdPties/Dbtr") : null,
				amount.getAttribute("Ccy"),
				(rate != null) ? Vouchers.rate(decimal(rate, tp + "AmtDtls/InstdAmt/CcyXchg/XchgRate"),
						tp + "AmtDtls/InstdAmt/CcyXchg/XchgRate") : null,
				Vouchers.amount(decimal(amount.getTextContent().strip(), at + "Amt"), at + "Amt"),
				date(day, at + "BookgDt/Dt"), sentAt, status,
				reversal ? Vouchers.check(text(tx, "Refs/AcctSvcrRef"), tp + "Refs/AcctSvcrRef", Vouchers.REFERENCE,
						Vouchers.REFERENCE_RULE) : null,
				Vouchers.check(party(tx, "RltdPties/Cdtr"), tp + "RltdPties/Cdtr", Vouchers.FOUR_DIGITS, "4 digits"),
				Vouchers.check(text(tx, "RltdPties/CdtrAcct/Id/Othr/Id"), tp + "RltdPties/CdtrAcct/Id/Othr/Id",
						Vouchers.FOUR_DIGITS, "4 digits"),
				Vouchers.check(text(tax, "Cdtr/TaxId"), tp + "TaxRmt/Cdtr/TaxId", Vouchers.AGENCY_CODE, "3 to 7 digits"),
				Vouchers.check(text(tax, "AdmstnZone"), tp + "TaxRmt/AdmstnZone", Vouchers.AREA_CODE, "2 to 5 digits"),
				lines(tax, tp + "TaxRmt/"));
	}

	/**
	 * {@code RvslInd} is an {@code xs:boolean}: {@code true} and {@code 1} mean a reversal, {@code false},
	 * {@code 0} or no element none; anything else is refused rather than read as "not a reversal".
	 */
	private static boolean reversal(Element entry, String at) {
		String indicator = text(entry, "RvslInd");
		if (indicator == null) {
			return false;
		}
		return switch (indicator) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw new InvalidConfirmationException(INVALID_FIELD, at + "RvslInd must be true, false, 1 or 0");
		};
	}

	/**
	 * The notified account is the payer's: a tax payment debits it ({@code DBIT}). ISO 20022 gives a
	 * reversal the opposite indicator of the entry it reverses ("if CreditDebitIndicator is CRDT and
	 * ReversalIndicator is Yes, the original operation was a debit entry"), so the reversal of a payment is
	 * {@code CRDT}. Any other combination (a credit to the payer that is not a reversal: a refund, an incoming
	 * transfer) is not a tax payment and must not be booked as one.
	 */
	private static void creditOrDebit(Element entry, boolean reversal, String at) {
		String indicator = text(entry, "CdtDbtInd");
		if (indicator == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, at + "CdtDbtInd is required");
		}
		String expected = reversal ? "CRDT" : "DBIT";
		if (!expected.equals(indicator)) {
			throw new InvalidConfirmationException(INVALID_FIELD, reversal
					? at + "CdtDbtInd must be CRDT for a reversal (RvslInd true): it reverses the debit of a payment"
					: at + "CdtDbtInd must be DBIT: a tax payment debits the payer's account; a credit is booked only "
							+ "as the reversal of a payment (RvslInd true)");
		}
	}

	private static List<ConfirmationLine> lines(Element tax, String at) {
		List<Element> records = children(tax, "Rcrd");
		if (records.isEmpty() || records.size() > Vouchers.MAX_LINES) {
			throw new InvalidConfirmationException(INVALID_FIELD, at + "Rcrd must occur 1 to " + Vouchers.MAX_LINES + " times");
		}
		List<ConfirmationLine> lines = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Element record = records.get(i);
			String rp = at + "Rcrd[" + i + "]/";
			String amount = text(record, "TaxAmt/TtlAmt");
			if (amount == null) {
				throw new InvalidConfirmationException(MISSING_FIELD, rp + "TaxAmt/TtlAmt is required");
			}
			String itemId = text(record, "CertId");
			String returnNumber = text(record, "AddtlInf");
			lines.add(new ConfirmationLine(Vouchers.check(text(record, "Tp"), rp + "Tp", Vouchers.CHAPTER, "3 digits"),
					Vouchers.check(text(record, "Ctgy"), rp + "Ctgy", Vouchers.FOUR_DIGITS, "4 digits"),
					Vouchers.taxPeriod(period(record), rp + "Prd"),
					Vouchers.amount(decimal(amount, rp + "TaxAmt/TtlAmt"), rp + "TaxAmt/TtlAmt"),
					(itemId != null) ? Vouchers.check(itemId, rp + "CertId", Vouchers.ITEM_ID, Vouchers.ITEM_ID_RULE) : null,
					(returnNumber != null)
							? Vouchers.check(returnNumber, rp + "AddtlInf", Vouchers.ITEM_ID, Vouchers.ITEM_ID_RULE) : null));
		}
		return lines;
	}

	/** {@code Prd/Yr} with {@code Prd/Tp} MM01–MM12, QTR1–QTR4 or YEAR; or {@code Prd/FrToDt} of one day. */
	private static @Nullable String period(Element record) {
		String year = text(record, "Prd/Yr");
		String type = text(record, "Prd/Tp");
		if (year != null && type != null) {
			String y = year.length() > 4 ? year.substring(0, 4) : year;
			if (type.matches("MM(0[1-9]|1[0-2])")) {
				return "00/" + type.substring(2) + "/" + y;
			}
			if (type.matches("QTR[1-4]")) {
				return "00/Q" + type.substring(3) + "/" + y;
			}
			if (type.equals("YEAR")) {
				return "00/CN/" + y;
			}
			return type;
		}
		String from = text(record, "Prd/FrToDt/FrDt");
		if (from != null && from.equals(text(record, "Prd/FrToDt/ToDt")) && from.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return from.substring(8, 10) + "/" + from.substring(5, 7) + "/" + from.substring(0, 4);
		}
		return null;
	}

	private Element parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is empty");
		}
		Document document;
		DocumentBuilder builder = this.builders.get();
		try {
			builder.reset();
			builder.setErrorHandler(SILENT);
			document = builder.parse(new InputSource(new StringReader(value)));
		}
		catch (SAXParseException ex) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is not well-formed XML without DOCTYPE (line "
					+ ex.getLineNumber() + ", column " + ex.getColumnNumber() + ")");
		}
		catch (SAXException | IOException ex) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is not well-formed XML without DOCTYPE");
		}
		Element root = document.getDocumentElement();
		String namespace = root.getNamespaceURI();
		if (!"Document".equals(root.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
			throw new InvalidConfirmationException(MALFORMED_XML,
					"the root must be Document in namespace " + NAMESPACE_PREFIX + "*");
		}
		Element notification = child(root, "BkToCstmrDbtCdtNtfctn");
		if (notification == null) {
			throw new InvalidConfirmationException(MALFORMED_XML, "Document/BkToCstmrDbtCdtNtfctn is required");
		}
		return notification;
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser lacks a security feature", ex);
		}
	}

	/** The id of a party, as {@code Id/OrgId/Othr/Id} directly or under {@code Pty} (camt.054.001.08+). */
	private static @Nullable String party(Element tx, String path) {
		String direct = text(tx, path + "/Id/OrgId/Othr/Id");
		return (direct != null) ? direct : text(tx, path + "/Pty/Id/OrgId/Othr/Id");
	}

	private static Element required(Element from, String path, String field) {
		Element element = element(from, path);
		if (element == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		return element;
	}

	private static @Nullable String text(Element from, String path) {
		Element element = element(from, path);
		return (element != null) ? element.getTextContent().strip() : null;
	}

	private static @Nullable Element element(Element from, String path) {
		Element current = from;
		for (String name : path.split("/")) {
			current = child(current, name);
			if (current == null) {
				return null;
			}
		}
		return current;
	}

	private static @Nullable Element child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> result = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				result.add(element);
			}
		}
		return result;
	}

	private static BigDecimal decimal(String text, String field) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidConfirmationException(RejectionReason.INVALID_AMOUNT, field + " must be a decimal number");
		}
	}

	private static LocalDate date(@Nullable String text, String field) {
		if (text == null) {
			throw new InvalidConfirmationException(MISSING_FIELD, field + " is required");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD, field + " must be a date yyyy-MM-dd");
		}
	}

	private static Instant instant(Element element, String field) {
		try {
			return OffsetDateTime.parse(element.getTextContent().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidConfirmationException(INVALID_FIELD, field + " must be a date-time with offset");
		}
	}

}
