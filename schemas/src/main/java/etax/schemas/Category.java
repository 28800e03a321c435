package etax.schemas;

/**
 * The kind of problem a {@link Finding} reports. The set follows the business-rule categories that filers
 * already know from other e-filing systems, so that a rule's category never changes when its text does.
 */
public enum Category {

	XML_ERROR, MISSING_DATA, INCORRECT_DATA, MATH_ERROR, DATA_MISMATCH, DUPLICATE_CONDITION, NOT_ON_TIME

}
