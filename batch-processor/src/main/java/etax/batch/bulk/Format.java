package etax.batch.bulk;

/** How the returns of an upload are packed. */
public enum Format {

	/** A zip archive, one return per entry. */
	ZIP,

	/** One XML document, a bundle of returns ({@code etax.schemas.ReturnBundle}). */
	XML

}
