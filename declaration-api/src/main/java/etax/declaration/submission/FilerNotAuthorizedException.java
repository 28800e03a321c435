package etax.declaration.submission;

import etax.access.Role;

/** The caller may not file for the taxpayer the return names (403); nothing was stored. */
public class FilerNotAuthorizedException extends RuntimeException {

	FilerNotAuthorizedException(Role role) {
		super(switch (role) {
			case TAXPAYER -> "A taxpayer files only its own returns and its branches'.";
			case AGENT -> "The agent has no contract in force with the taxpayer this return names.";
			default -> "This caller may not file returns.";
		});
	}

}
