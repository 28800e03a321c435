package etax.declaration.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NoticeSigningKeyTests {

	@Test
	void withoutAKeyStoreTheServiceDoesNotStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NoticeSigningKey.load(new NoticeSigningProperties(null, "", null, false)))
			.withMessageContaining("etax.declaration.notice-signing.key-store")
			.withMessageContaining("etax.declaration.notice-signing.ephemeral=true");
	}

	@Test
	void aKeyMadeAtStartOnlyWhereExplicitlyAllowed() {
		NoticeSigningKey key = NoticeSigningKey.load(new NoticeSigningProperties(null, "", null, true));

		assertThat(key.privateKey().getAlgorithm()).isEqualTo("RSA");
		assertThat(key.chain()).as("no certificate: nothing published verifies it").isEmpty();
	}

}
