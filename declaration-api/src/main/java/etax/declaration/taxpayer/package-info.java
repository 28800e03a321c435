/**
 * The taxpayer registry of the filing side: taxpayers (registered, active, enrolled for e-filing,
 * filing frequency, managing tax office), their certificates, tax agents and the contracts that let
 * an agent file for a taxpayer.
 */
@NullMarked
package etax.declaration.taxpayer;

import org.jspecify.annotations.NullMarked;
