package etax.batch.reconciliation.inputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileSizeBoundTests {

	@Test
	void readsAFileUpToItsLimitAndRefusesOneByteMore() throws IOException {
		byte[] file = new byte[1_000];
		try (InputStream in = new FileSizeBound(new ByteArrayInputStream(file), 1_000)) {
			assertThat(in.readAllBytes()).hasSize(1_000);
		}
		try (InputStream in = new FileSizeBound(new ByteArrayInputStream(new byte[1_001]), 1_000)) {
			assertThatExceptionOfType(FileTooLargeException.class).isThrownBy(in::readAllBytes);
		}
	}

	@Test
	void takesALimitAsLargeAsALongHolds() throws IOException {
		try (InputStream in = new FileSizeBound(new ByteArrayInputStream(new byte[10_000]), Long.MAX_VALUE)) {
			assertThat(in.readAllBytes()).hasSize(10_000);
			assertThat(in.skip(Long.MAX_VALUE)).isZero();
		}
	}

}
