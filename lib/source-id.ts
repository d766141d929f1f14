/** The id a source's address names: digits only, as the site writes them ("/sources/12"), or null. */
export function sourceIdOf(param: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}
