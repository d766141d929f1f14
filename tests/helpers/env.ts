/** Puts an environment variable back as it was; assigning undefined would store "undefined". */
export function restoreEnv(name: string, original: string | undefined): void {
  if (original === undefined) delete process.env[name];
  else process.env[name] = original;
}
