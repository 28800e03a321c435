package etax.declaration.submission;

import java.security.Key;
import java.security.KeyException;
import java.security.PublicKey;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;

/** Takes the key a test notice carries in its {@code KeyValue} (the service's key made at start). */
class KeyValueSelector extends KeySelector {

	@Override
	public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
			throws KeySelectorException {
		for (XMLStructure structure : keyInfo.getContent()) {
			if (structure instanceof KeyValue value) {
				try {
					PublicKey key = value.getPublicKey();
					return () -> (Key) key;
				}
				catch (KeyException ex) {
					throw new KeySelectorException(ex);
				}
			}
		}
		throw new KeySelectorException("No KeyValue");
	}

}
