package etax.benchmarks.filing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import etax.devstack.DemoTaxpayers;
import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;
import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.ReturnGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The returns of a run: many taxpayers, each filing each form of the mix once (so that every return is an
 * original of its own chain and can be accepted), generated from the catalog, given the taxpayer's MST
 * and signed with a certificate of the local run's CA that names it. Everything is made before timing.
 */
public final class FilingWorkload {

	private static final Pattern NNT_MST = Pattern.compile("(<NNT>\\s*<mst>)[^<]*(</mst>)");

	private static final Pattern KIND = Pattern.compile("<kieuKy>([A-Z])</kieuKy>");

	/** Returns larger than this come from forms with long tables only. */
	private static final int LARGE = 20_000;

	/**
	 * A form version of the mix and a template return of it.
	 * @param form the version
	 * @param template a valid return, quarterly or yearly, without a signature
	 */
	public record Template(FormVersion form, String template) {

	}

	/**
	 * One signed return ready to send.
	 * @param mst its taxpayer
	 * @param formCode its form
	 * @param xml the signed bytes
	 */
	public record Document(String mst, String formCode, byte[] xml) {

	}

	private FilingWorkload() {
	}

	/**
	 * Templates for up to {@code forms} current form versions (01/GTGT first, then forms that create tax to
	 * pay), tables filled to about {@code targetBytes}: returns of forms that file monthly and quarterly come
	 * quarterly (the taxpayers are registered quarterly). Above {@value #LARGE} bytes only forms whose tables
	 * can hold that much take part, each with a return within a fifth of the target: a large return is one
	 * with long tables.
	 */
	public static List<Template> templates(int forms, int targetBytes) {
		FormCatalog catalog = FormCatalog.load();
		ReturnGenerator generator = new ReturnGenerator(catalog).withFilingType("C")
			.withLatestPeriodEnd(LocalDate.of(2026, 6, 30));
		List<Template> templates = new ArrayList<>();
		List<FormVersion> candidates = catalog.versions()
			.stream()
			.filter((form) -> form.effectiveTo() == null && form.filingTypes().contains("C")
					&& !form.periodKinds().contains("D"))
			.sorted(Comparator.comparing((FormVersion form) -> !form.maTKhai().equals("842"))
				.thenComparing((form) -> form.payableIndicators().isEmpty())
				.thenComparing(FormVersion::maTKhai))
			.toList();
		int rows = Math.max(1, targetBytes / 600);
		for (FormVersion form : candidates) {
			if (templates.size() == forms) {
				break;
			}
			String template = (targetBytes > LARGE) ? sized(generator, form, rows, targetBytes)
					: template(generator.withMaxTableRows(rows), form, 200, (xml) -> true);
			if (template != null) {
				templates.add(new Template(form, template));
			}
		}
		return templates;
	}

	/** A return of the form within a fifth of the target size, with up to eight times the rows. */
	private static @Nullable String sized(ReturnGenerator generator, FormVersion form, int rows, int targetBytes) {
		Predicate<String> near = (xml) -> Math.abs(xml.getBytes(StandardCharsets.UTF_8).length - targetBytes) <= targetBytes / 5;
		for (int times = 1; times <= 8; times *= 2) {
			String xml = template(generator.withMaxTableRows(rows * times), form, 20, near);
			if (xml != null) {
				return xml;
			}
		}
		return null;
	}

	private static @Nullable String template(ReturnGenerator generator, FormVersion form, int seeds,
			Predicate<String> wanted) {
		boolean monthlyOrQuarterly = form.periodKinds().contains("M") && form.periodKinds().contains("Q");
		for (long seed = 1; seed < seeds; seed++) {
			String xml;
			try {
				xml = new String(generator.generate(form.maTKhai(), form.version(), seed), StandardCharsets.UTF_8);
			}
			catch (RuntimeException ex) {
				return null;
			}
			Matcher kind = KIND.matcher(xml);
			if (kind.find() && (!monthlyOrQuarterly || kind.group(1).equals("Q")) && !xml.contains("<DLyThue>")
					&& wanted.test(xml)) {
				return xml;
			}
		}
		return null;
	}

	/**
	 * New taxpayer MSTs with certificates of the local run's CA (one key pair for all: issuing is fast,
	 * making 2048-bit keys is not).
	 */
	public static List<Taxpayer> taxpayers(Path root, int count) {
		TestPki pki = TestPki.load(root.resolve("target/dev-stack/pki/dev-ca.p12"));
		KeyPair keys = TestPki.newKeyPair();
		Instant now = Instant.now();
		return IntStream.range(0, count).parallel().mapToObj((i) -> {
			String mst = DemoTaxpayers.newMst();
			// valid on every signing date of the generated returns (yearly forms of periods back to 2022)
			SigningIdentity identity = pki.issue(TestPki.subject(mst, "CÔNG TY THỬ TẢI " + i),
					now.minusSeconds(86_400 * 365L * 5), now.plusSeconds(86_400 * 365L), keys);
			return new Taxpayer(mst, new ReturnSigner(identity));
		}).toList();
	}

	/** Every taxpayer files every template once, interleaved so that consecutive returns differ in form. */
	public static List<Document> documents(List<Taxpayer> taxpayers, List<Template> templates, int limit) {
		int count = Math.min(limit, taxpayers.size() * templates.size());
		return IntStream.range(0, count).parallel().mapToObj((n) -> {
			Taxpayer taxpayer = taxpayers.get(n / templates.size());
			Template template = templates.get(n % templates.size());
			String xml = NNT_MST.matcher(template.template()).replaceFirst("$1" + taxpayer.mst() + "$2");
			return new Document(taxpayer.mst(), template.form().formCode(),
					taxpayer.signer().sign(xml.getBytes(StandardCharsets.UTF_8)));
		}).toList();
	}

	/**
	 * Registers the taxpayers (quarterly filers of tax office 99999) through declaration-api's officer API.
	 * @param api declaration-api's base URL
	 * @param officer the {@code Authorization} header of an officer
	 * @param taxpayers who to register
	 */
	public static void register(String api, String officer, List<Taxpayer> taxpayers) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = taxpayers.stream().map((taxpayer) -> pool.submit(() -> http
				.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/taxpayers"))
					.header("Authorization", officer)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"mst\":\"" + taxpayer.mst()
							+ "\",\"name\":\"CÔNG TY THỬ TẢI\",\"status\":\"ACTIVE\",\"eFiling\":true,"
							+ "\"filingFrequency\":\"Q\",\"taxOfficeCode\":\"99999\",\"chapter\":\"754\"}"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode())).toList();
			for (Future<Integer> answer : answers) {
				if (answer.get() != 201) {
					throw new IllegalStateException("Registering a taxpayer answered " + answer.get());
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	public record Taxpayer(String mst, ReturnSigner signer) {

	}

}
