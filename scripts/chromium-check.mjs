// Whether the end-to-end tests can run, and what npm test says and does when they cannot.

/**
 * @param {{ path: string, exists: boolean, ci: string | undefined }} input
 * @returns {{ runE2e: boolean, exitCode: number, banner: string | null }}
 *   Without Chromium: a loud banner with the install command; under CI a failure (exit 1),
 *   elsewhere the unit results stand (exit 0) so a laptop without Chromium can still test.
 */
export function chromiumCheck({ path, exists, ci }) {
  if (exists) return { runE2e: true, exitCode: 0, banner: null };
  const banner = [
    '',
    '!'.repeat(78),
    `!! Chromium was not found at ${path}: the END-TO-END TESTS DID NOT RUN.`,
    "!! Install Debian's Chromium and run npm test again:",
    '!!     sudo apt-get update && sudo apt-get install -y chromium',
    '!! (or set CHROMIUM_PATH to a Chromium binary).',
    '!'.repeat(78),
    '',
  ].join('\n');
  const underCi = ci === 'true' || ci === '1';
  return { runE2e: false, exitCode: underCi ? 1 : 0, banner };
}
