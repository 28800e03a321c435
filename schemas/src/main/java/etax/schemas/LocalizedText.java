package etax.schemas;

import java.util.Objects;

/**
 * A text shown to people, in Vietnamese (the legal language of notices) and English.
 *
 * @param vi the Vietnamese text
 * @param en the English text
 */
public record LocalizedText(String vi, String en) {

	public LocalizedText {
		Objects.requireNonNull(vi, "vi");
		Objects.requireNonNull(en, "en");
	}

}
