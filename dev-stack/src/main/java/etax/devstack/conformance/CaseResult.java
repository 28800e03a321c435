package etax.devstack.conformance;

/**
 * How one case of the pack went.
 * @param id the case's stable id
 * @param checks what a conforming client and service do
 * @param passed whether every expectation held
 * @param detail what was seen (the answers' status codes, transaction codes and rule ids), or what was not
 */
public record CaseResult(String id, String checks, boolean passed, String detail) {

}
