/** Notes of figures the admin tests add to the seeded event carry this, so other specs can tell them apart. */
export const E2E_MARKER = '(added by the end-to-end tests)';
