package etax.batch.reconciliation.inputs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import etax.access.DetachedJws;
import etax.access.InvalidJwsException;
import etax.batch.reconciliation.inputs.BankKeys.BankKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Proves that a daily file comes from the source it names (docs/adr/0014-reconciliation.md, "Who
 * imports"): a detached JWS over its exact bytes, a bank's file by a key registered for THAT bank, valid
 * now and used with its registered algorithm (the rules of the gateway's bank messages, 0005), the
 * treasury's statement by one of the treasury's configured keys. What the signature alone tells is
 * checked before the file is read; the signature itself as the file is read, and its signer against the
 * source the file's header names once it has been.
 */
@Component
class FileSignatures {

	static final String TREASURY = TreasuryStatementReader.SOURCE;

	private final BankKeys bankKeys;

	private final boolean required;

	private final Map<String, TreasuryKey> treasuryKeys = new LinkedHashMap<>();

	private final Clock clock;

	FileSignatures(BankKeys bankKeys, FileSignatureProperties properties, Clock clock) {
		this.bankKeys = bankKeys;
		this.required = properties.required();
		this.clock = clock;
		properties.treasuryKeys().forEach((keyId, key) -> {
			try {
				this.treasuryKeys.put(keyId,
						new TreasuryKey(key.algorithm(), DetachedJws.publicKey(key.algorithm(), key.publicKey())));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("etax.batch.reconciliation.signatures.treasury-keys." + keyId
						+ " is not a base64 X.509 public key for " + key.algorithm(), ex);
			}
		});
	}

	/** Whether a file without a signature is refused. */
	boolean required() {
		return this.required;
	}

	/**
	 * Checks what the signature alone tells, before the file is read.
	 * @param kind BANK or TREASURY
	 * @param signature the detached JWS sent with the file, if any
	 * @return the check to run over the file's bytes
	 * @throws FileSignatureException if the file must be refused already
	 */
	Check check(String kind, @Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			if (this.required) {
				throw FileSignatureException.unsigned();
			}
			return new Check(null, null, null);
		}
		try {
			DetachedJws jws = DetachedJws.parse(signature);
			return kind.equals("BANK") ? bank(jws) : treasury(jws);
		}
		catch (InvalidJwsException ex) {
			throw FileSignatureException.invalid(ex.getMessage());
		}
	}

	private Check bank(DetachedJws jws) {
		BankKey key = this.bankKeys.find(jws.keyId())
			.orElseThrow(() -> FileSignatureException.invalid("the key " + jws.keyId() + " is not registered for a bank"));
		Instant now = this.clock.instant();
		if (!key.validAt(now)) {
			throw FileSignatureException.invalid("the key " + key.keyId() + " of bank " + key.bankCode()
					+ " is not valid now (valid from " + key.validFrom() + ((key.validTo() != null) ? " to " + key.validTo() : "")
					+ ")");
		}
		if (!key.algorithm().equals(jws.algorithm())) {
			throw FileSignatureException.invalid("the key " + key.keyId() + " is registered for " + key.algorithm()
					+ ", the signature uses " + jws.algorithm());
		}
		PublicKey publicKey;
		try {
			publicKey = DetachedJws.publicKey(key.algorithm(), key.publicKey());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The registered key " + key.keyId() + " is not a valid public key", ex);
		}
		return new Check(jws.verifier(publicKey), key.bankCode(), key.keyId());
	}

	private Check treasury(DetachedJws jws) {
		TreasuryKey key = this.treasuryKeys.get(jws.keyId());
		if (key == null) {
			throw FileSignatureException.invalid("the key " + jws.keyId() + " is not one of the treasury's");
		}
		if (!key.algorithm().equals(jws.algorithm())) {
			throw FileSignatureException.invalid("the treasury's key " + jws.keyId() + " is configured for "
					+ key.algorithm() + ", the signature uses " + jws.algorithm());
		}
		return new Check(jws.verifier(key.publicKey()), TREASURY, jws.keyId());
	}

	private record TreasuryKey(String algorithm, PublicKey publicKey) {
	}

	/**
	 * The signature of one file, verified over the bytes read through {@link #reading}.
	 */
	static final class Check {

		private final DetachedJws.@Nullable Verifier verifier;

		private final @Nullable String signer;

		private final @Nullable String keyId;

		private Check(DetachedJws.@Nullable Verifier verifier, @Nullable String signer, @Nullable String keyId) {
			this.verifier = verifier;
			this.signer = signer;
			this.keyId = keyId;
		}

		/** Whether the file came without a signature (accepted only while signatures are not required). */
		boolean unsigned() {
			return this.verifier == null;
		}

		/**
		 * @param in the file
		 * @return the file, every byte read from it also going to the verifier
		 */
		InputStream reading(InputStream in) {
			DetachedJws.Verifier verifier = this.verifier;
			if (verifier == null) {
				return in;
			}
			return new FilterInputStream(in) {

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						verifier.write(b);
					}
					return b;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = super.read(b, off, len);
					if (n > 0) {
						verifier.write(b, off, n);
					}
					return n;
				}

				@Override
				public long skip(long n) throws IOException {
					return skipReading(n);
				}

				@Override
				public boolean markSupported() {
					return false;
				}

				private long skipReading(long n) throws IOException {
					byte[] buffer = new byte[8192];
					long skipped = 0;
					while (skipped < n) {
						int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
						if (read < 0) {
							break;
						}
						skipped += read;
					}
					return skipped;
				}

			};
		}

		/**
		 * Once every byte of the file has been read: whether the signature is over them, by the source the
		 * file names.
		 * @param source the bank code, or KBNN, the file's header names; null if it could not be read
		 * @throws FileSignatureException if not
		 */
		void verify(@Nullable String source) {
			DetachedJws.Verifier verifier = this.verifier;
			if (verifier == null) {
				return;
			}
			if (!verifier.verifies()) {
				throw FileSignatureException.invalid("it does not verify over the file's bytes with the key " + this.keyId
						+ " (the file was changed after it was signed, or signed with another key)");
			}
			if (source != null && !source.equals(this.signer)) {
				throw FileSignatureException.invalid("the file is " + (TREASURY.equals(source) ? "the treasury's"
						: "bank " + source + "'s") + ", signed with the key " + this.keyId + " of "
						+ (TREASURY.equals(this.signer) ? "the treasury" : "bank " + this.signer));
			}
		}

	}

}
